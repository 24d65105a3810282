package io.capexwatch.verdict.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.capexwatch.verdict.cache.VerdictCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Each company's EDGAR status from earnings-ingest's polls, into the verdict cache. Unreadable payloads go
 * to capexwatch.filing-status.dlq; if Redis is down the status is dropped, and the next poll repeats it.
 */
@ApplicationScoped
public class FilingStatusConsumer {
    private static final Logger LOG = Logger.getLogger(FilingStatusConsumer.class);

    private final ObjectMapper mapper;
    private final VerdictCache cache;
    private final MeterRegistry metrics;

    public FilingStatusConsumer(ObjectMapper mapper, VerdictCache cache, MeterRegistry metrics) {
        this.mapper = mapper;
        this.cache = cache;
        this.metrics = metrics;
    }

    @Incoming("filing-status")
    public Uni<Void> consume(String payload) {
        FilingStatus status;
        try {
            status = KafkaMessages.read(mapper, payload, FilingStatus.class, FilingStatus.SCHEMA_VERSION);
        } catch (IllegalArgumentException e) {
            metrics.counter("capexwatch.filing_status.rejected").increment();
            LOG.errorf("filing status message rejected to the dead-letter topic: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return cache.putFilingStatus(status)
                .onFailure().invoke(e -> LOG.warnf("filing status of %s not cached, the next poll repeats it: %s",
                        status.ticker(), e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
