package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messaging.RetryingConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The filing-status topic read a second time, in its own consumer group (verdict-api-alerts), for alerts:
 * results released (awaiting the XBRL) and the XBRL arrived ({@link RetryingConsumer}). A status that cannot
 * be recorded (PostgreSQL down) is retried with backoff until it is, so no change goes unalerted; a
 * redelivery finds the status already recorded and queues nothing. An unreadable payload fails and is ignored
 * by this channel: the verdict cache's channel dead-letters it, once.
 */
@ApplicationScoped
public class AlertFilingStatusConsumer {
    private final RetryingConsumer<FilingStatus> consumer;
    private final AlertEvents events;

    public AlertFilingStatusConsumer(ObjectMapper mapper, AlertEvents events, MeterRegistry metrics) {
        this.consumer = new RetryingConsumer<>("alerts_filing_status", FilingStatus.class, FilingStatus.SCHEMA_VERSION,
                mapper, metrics);
        this.events = events;
    }

    @Incoming("alerts-filing-status")
    public Uni<Void> consume(String payload) {
        return consumer.consume(payload, events::recordFilingStatus);
    }
}
