package io.capexwatch.verdict.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messaging.RetryingConsumer;
import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.service.VerdictService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;


/**
 * Evaluates metric snapshots in order per company, then updates the Redis cache ({@link RetryingConsumer}): a
 * payload that cannot be read goes to capexwatch.metrics.dlq at once; an evaluation that fails (PostgreSQL
 * down) is retried with backoff; a failed cache write is healed by the cache's periodic refill from PostgreSQL.
 */
@ApplicationScoped
public class MetricsConsumer {
    private static final Logger LOG = Logger.getLogger(MetricsConsumer.class);

    private final RetryingConsumer<MetricsSnapshot> consumer;
    private final VerdictService verdicts;
    private final VerdictCache cache;

    public MetricsConsumer(ObjectMapper mapper, VerdictService verdicts, VerdictCache cache, MeterRegistry metrics) {
        this.consumer = new RetryingConsumer<>("metrics", MetricsSnapshot.class, MetricsSnapshot.SCHEMA_VERSION, mapper,
                metrics);
        this.verdicts = verdicts;
        this.cache = cache;
    }

    @Incoming("metrics")
    public Uni<Void> consume(String payload) {
        return consumer.consume(payload, snapshot -> verdicts.evaluate(snapshot)
                .call(verdict -> verdict == null ? Uni.createFrom().voidItem() : cache.put(verdict)
                        .onFailure().invoke(e -> LOG.warnf("caching the verdict of %s deferred to the refill: %s",
                                verdict.ticker, e.getMessage()))
                        .onFailure().recoverWithNull())
                .replaceWithVoid());
    }
}
