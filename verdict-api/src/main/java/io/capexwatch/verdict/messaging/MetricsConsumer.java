package io.capexwatch.verdict.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.service.VerdictService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Evaluates metric snapshots in order per company, then updates the Redis cache. A payload that cannot be
 * read goes to the dead-letter topic capexwatch.metrics.dlq; a failed cache write is healed by the
 * cache's periodic refill from PostgreSQL.
 */
@ApplicationScoped
public class MetricsConsumer {
    private static final Logger LOG = Logger.getLogger(MetricsConsumer.class);

    private final ObjectMapper mapper;
    private final VerdictService verdicts;
    private final VerdictCache cache;
    private final MeterRegistry metrics;

    public MetricsConsumer(ObjectMapper mapper, VerdictService verdicts, VerdictCache cache, MeterRegistry metrics) {
        this.mapper = mapper;
        this.verdicts = verdicts;
        this.cache = cache;
        this.metrics = metrics;
    }

    @Incoming("metrics")
    public Uni<Void> consume(String payload) {
        MetricsSnapshot snapshot;
        try {
            snapshot = KafkaMessages.read(mapper, payload, MetricsSnapshot.class, MetricsSnapshot.SCHEMA_VERSION);
        } catch (IllegalArgumentException e) {
            metrics.counter("capexwatch.metrics.rejected").increment();
            LOG.errorf("metrics message rejected to the dead-letter topic: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return verdicts.evaluate(snapshot)
                .call(verdict -> verdict == null ? Uni.createFrom().voidItem() : cache.put(verdict)
                        .onFailure().invoke(e -> LOG.warnf("caching the verdict of %s deferred to the refill: %s",
                                verdict.ticker, e.getMessage()))
                        .onFailure().recoverWithNull())
                .replaceWithVoid();
    }
}
