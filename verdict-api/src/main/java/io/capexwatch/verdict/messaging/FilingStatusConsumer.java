package io.capexwatch.verdict.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messaging.RetryingConsumer;
import io.capexwatch.verdict.cache.VerdictCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Each company's EDGAR status from earnings-ingest's polls, into the verdict cache ({@link RetryingConsumer}).
 * Unreadable payloads go to capexwatch.filing-status.dlq, once (the watchlist's and the alerts' channels
 * read the topic too but do not dead-letter). A status that cannot be cached (Redis down) is retried with
 * backoff until Redis is back, so a change of status is never lost between two polls; a repeat of the status
 * held changes nothing.
 */
@ApplicationScoped
public class FilingStatusConsumer {
    private final RetryingConsumer<FilingStatus> consumer;
    private final VerdictCache cache;

    public FilingStatusConsumer(ObjectMapper mapper, VerdictCache cache, MeterRegistry metrics) {
        this.consumer = new RetryingConsumer<>("filing_status", FilingStatus.class, FilingStatus.SCHEMA_VERSION, mapper,
                metrics);
        this.cache = cache;
    }

    @Incoming("filing-status")
    public Uni<Void> consume(String payload) {
        return consumer.consume(payload, cache::putFilingStatus);
    }
}
