package io.capexwatch.tracker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.contracts.messaging.RetryingConsumer;
import io.capexwatch.tracker.service.MetricsService;
import io.capexwatch.tracker.service.PublicationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;


/**
 * Applies fundamentals snapshots in order per company ({@link RetryingConsumer}): an unreadable payload goes to
 * capexwatch.fundamentals.dlq at once; a valid one whose apply fails (PostgreSQL restarting) is retried with
 * backoff. Publication is the outbox's and never fails the message.
 */
@ApplicationScoped
public class FundamentalsConsumer {
    private final RetryingConsumer<FundamentalsSnapshot> consumer;
    private final MetricsService metricsService;
    private final PublicationService publication;

    public FundamentalsConsumer(ObjectMapper mapper, MetricsService metricsService, PublicationService publication,
                                MeterRegistry metrics) {
        this.consumer = new RetryingConsumer<>("fundamentals", FundamentalsSnapshot.class, FundamentalsSnapshot.SCHEMA_VERSION,
                mapper, metrics);
        this.metricsService = metricsService;
        this.publication = publication;
    }

    @Incoming("fundamentals")
    public Uni<Void> consume(String payload) {
        return consumer.consume(payload, snapshot -> metricsService.apply(snapshot)
                .chain(applied -> applied.unpublished() != null ? publication.publishCommitted(applied.unpublished())
                        // a duplicate: an earlier publication of it may have failed, and the sweep is seconds away
                        : publication.publishIfPending(snapshot.cik())));
    }
}
