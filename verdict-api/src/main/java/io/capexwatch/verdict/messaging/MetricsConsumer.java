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

import java.time.Duration;

/**
 * Evaluates metric snapshots in order per company, then updates the Redis cache. A payload that cannot be
 * read goes to the dead-letter topic capexwatch.metrics.dlq at once; an evaluation that fails (PostgreSQL
 * down) is retried with backoff for {@link #RETRY_FOR} before it is dead-lettered; a failed cache write is
 * healed by the cache's periodic refill from PostgreSQL.
 */
@ApplicationScoped
public class MetricsConsumer {
    private static final Logger LOG = Logger.getLogger(MetricsConsumer.class);
    private static final Duration RETRY_FIRST = Duration.ofMillis(500);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);
    /** After this long a message still failing goes to the dead-letter topic, kept for replay. */
    static final Duration RETRY_FOR = Duration.ofMinutes(10);

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
                // PostgreSQL down or restarting: wait and retry rather than dead-letter a valid message.
                .onFailure().invoke(e -> LOG.warnf("evaluating %s revision %d failed, retrying: %s",
                        snapshot.ticker(), snapshot.revision(), e.getMessage()))
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).expireIn(RETRY_FOR.toMillis())
                .call(verdict -> verdict == null ? Uni.createFrom().voidItem() : cache.put(verdict)
                        .onFailure().invoke(e -> LOG.warnf("caching the verdict of %s deferred to the refill: %s",
                                verdict.ticker, e.getMessage()))
                        .onFailure().recoverWithNull())
                .replaceWithVoid();
    }
}
