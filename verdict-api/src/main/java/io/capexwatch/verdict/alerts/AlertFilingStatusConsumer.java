package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The filing-status topic read a second time, in its own consumer group (verdict-api-alerts), for alerts:
 * results released (awaiting the XBRL) and the XBRL arrived. The verdict cache's consumer is left as it is.
 * An unreadable payload is skipped here (that consumer dead-letters it); if PostgreSQL is down the status is
 * dropped and the next poll, which repeats it, still finds it changed.
 */
@ApplicationScoped
public class AlertFilingStatusConsumer {
    private static final Logger LOG = Logger.getLogger(AlertFilingStatusConsumer.class);

    private final ObjectMapper mapper;
    private final AlertEvents events;

    public AlertFilingStatusConsumer(ObjectMapper mapper, AlertEvents events) {
        this.mapper = mapper;
        this.events = events;
    }

    @Incoming("alerts-filing-status")
    public Uni<Void> consume(String payload) {
        FilingStatus status;
        try {
            status = KafkaMessages.read(mapper, payload, FilingStatus.class, FilingStatus.SCHEMA_VERSION);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem();
        }
        return events.recordFilingStatus(status)
                .onFailure().invoke(e -> LOG.warnf("filing status of %s not checked for alerts, the next poll repeats it: %s",
                        status.ticker(), e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
