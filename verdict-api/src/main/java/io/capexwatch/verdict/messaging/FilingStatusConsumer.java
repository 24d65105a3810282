package io.capexwatch.verdict.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messaging.RetryingConsumer;
import io.capexwatch.verdict.cache.VerdictCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;


/**
 * Each company's EDGAR status from earnings-ingest's polls, into the verdict cache ({@link RetryingConsumer}).
 * Unreadable payloads go to capexwatch.filing-status.dlq; if Redis is down the status is dropped (logged and
 * counted), and the next poll repeats it.
 */
@ApplicationScoped
public class FilingStatusConsumer {
    private static final Logger LOG = Logger.getLogger(FilingStatusConsumer.class);

    private final RetryingConsumer<FilingStatus> consumer;
    private final VerdictCache cache;
    private final MeterRegistry metrics;

    public FilingStatusConsumer(ObjectMapper mapper, VerdictCache cache, MeterRegistry metrics) {
        this.consumer = new RetryingConsumer<>("filing_status", FilingStatus.class, FilingStatus.SCHEMA_VERSION, mapper,
                metrics);
        this.cache = cache;
        this.metrics = metrics;
    }

    @Incoming("filing-status")
    public Uni<Void> consume(String payload) {
        return consumer.consume(payload, status -> cache.putFilingStatus(status)
                .onFailure().invoke(e -> {
                    metrics.counter("capexwatch.filing_status.dropped").increment();
                    LOG.warnf("filing status of %s not cached, the next poll repeats it: %s", status.ticker(), e.getMessage());
                })
                .onFailure().recoverWithNull());
    }
}
