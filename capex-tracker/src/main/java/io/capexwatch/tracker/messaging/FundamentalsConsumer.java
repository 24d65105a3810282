package io.capexwatch.tracker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.tracker.service.MetricsService;
import io.capexwatch.tracker.service.PublicationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies fundamentals snapshots in order per company. A payload that cannot be read, or of a schema
 * version this build does not know, fails and goes to the dead-letter topic
 * (capexwatch.fundamentals.dlq) with the reason in its headers.
 */
@ApplicationScoped
public class FundamentalsConsumer {
    private static final Logger LOG = Logger.getLogger(FundamentalsConsumer.class);

    private final ObjectMapper mapper;
    private final MetricsService metricsService;
    private final PublicationService publication;
    private final MeterRegistry metrics;

    public FundamentalsConsumer(ObjectMapper mapper, MetricsService metricsService, PublicationService publication,
                                MeterRegistry metrics) {
        this.mapper = mapper;
        this.metricsService = metricsService;
        this.publication = publication;
        this.metrics = metrics;
    }

    @Incoming("fundamentals")
    public Uni<Void> consume(String payload) {
        FundamentalsSnapshot snapshot;
        try {
            snapshot = KafkaMessages.read(mapper, payload, FundamentalsSnapshot.class, FundamentalsSnapshot.SCHEMA_VERSION);
        } catch (IllegalArgumentException e) {
            metrics.counter("capexwatch.fundamentals.rejected").increment();
            LOG.errorf("fundamentals message rejected to the dead-letter topic: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return metricsService.apply(snapshot)
                .chain(() -> publication.publishIfPending(snapshot.cik())
                        .onFailure().invoke(e -> LOG.warnf("publishing metrics of CIK %d deferred to the outbox sweep: %s",
                                snapshot.cik(), e.getMessage()))
                        .onFailure().recoverWithNull());
    }
}
