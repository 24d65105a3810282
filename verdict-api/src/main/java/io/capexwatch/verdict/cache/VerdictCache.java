package io.capexwatch.verdict.cache;

import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Current verdicts in Redis, one hash field per ticker holding the verdict JSON as served. PostgreSQL stays
 * the record: the cache is refilled from it at start-up and on a schedule, so a lost Redis write or a
 * flushed Redis heals by itself.
 */
@ApplicationScoped
public class VerdictCache {
    static final String KEY = "capexwatch:verdicts";
    private static final Logger LOG = Logger.getLogger(VerdictCache.class);

    private final ReactiveHashCommands<String, String, String> hash;
    private final VerdictRepository verdicts;

    public VerdictCache(ReactiveRedisDataSource redis, VerdictRepository verdicts) {
        this.hash = redis.hash(String.class);
        this.verdicts = verdicts;
    }

    public Uni<Void> put(VerdictEntity verdict) {
        return hash.hset(KEY, verdict.ticker, verdict.body).replaceWithVoid();
    }

    /** @return the verdict JSON, or null */
    public Uni<String> get(String ticker) {
        return hash.hget(KEY, ticker.toUpperCase());
    }

    /** Every current verdict, by ticker. */
    public Uni<Map<String, String>> all() {
        return hash.hgetall(KEY).map(TreeMap::new);
    }

    @Scheduled(every = "${capexwatch.cache.resync-interval:60s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resync() {
        return verdicts.latestOfEach().chain(this::putAll)
                .onFailure().invoke(e -> LOG.warnf("refilling the verdict cache failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> putAll(List<VerdictEntity> latest) {
        if (latest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> fields = new TreeMap<>();
        latest.forEach(v -> fields.put(v.ticker, v.body));
        return hash.hset(KEY, fields).replaceWithVoid();
    }
}
