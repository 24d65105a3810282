package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Current verdicts: stored in Redis (hash {@value #KEY}, version counter {@value #VERSION_KEY}), announced
 * on the Redis channel {@value #CHANNEL}, and held by every replica as an in-memory {@link VerdictSnapshot}
 * that requests are served from. A replica refreshes its snapshot when a change is announced and, as a
 * safety net, on a short schedule. If Redis is unreachable the last snapshot keeps being served, marked
 * stale. PostgreSQL stays the record: Redis is refilled from it at start-up and every minute.
 */
@ApplicationScoped
public class VerdictCache {
    static final String KEY = "capexwatch:verdicts";
    static final String VERSION_KEY = "capexwatch:verdicts:version";
    static final String CHANNEL = "capexwatch:verdicts:changed";
    /** Each company's EDGAR status (from earnings-ingest's polls), merged into its verdict as {@code filing}. */
    static final String STATUS_KEY = "capexwatch:filing-status";
    private static final Logger LOG = Logger.getLogger(VerdictCache.class);

    private final ReactiveRedisDataSource redis;
    private final ReactiveHashCommands<String, String, String> hash;
    private final ReactiveValueCommands<String, Long> versions;
    private final VerdictRepository verdicts;
    private final ObjectMapper mapper;
    private final VerdictEvents events;
    private final VerdictGauges gauges;
    private volatile VerdictSnapshot snapshot;
    private volatile boolean stale = true;
    private volatile Cancellable subscription;

    public VerdictCache(ReactiveRedisDataSource redis, VerdictRepository verdicts, ObjectMapper mapper,
                        VerdictEvents events, VerdictGauges gauges) {
        this.redis = redis;
        this.events = events;
        this.gauges = gauges;
        this.hash = redis.hash(String.class);
        this.versions = redis.value(Long.class);
        this.verdicts = verdicts;
        this.mapper = mapper;
    }

    /** The snapshot to serve; null until one was ever loaded. */
    public VerdictSnapshot snapshot() {
        return snapshot;
    }

    /** Whether the last attempt to read Redis failed, so the snapshot may be behind. */
    public boolean stale() {
        return stale;
    }

    /** Stores a new current verdict and tells every replica. */
    public Uni<Void> put(VerdictEntity verdict) {
        return hash.hset(KEY, verdict.ticker, verdict.body).chain(() -> announce(1));
    }

    /**
     * Stores a company's EDGAR status if it differs from the one held (polls repeat it) and tells every
     * replica. Not kept in PostgreSQL: if Redis loses it, the next poll brings it back.
     */
    public Uni<Void> putFilingStatus(FilingStatus message) {
        return hash.hget(STATUS_KEY, message.ticker()).chain(stored -> {
            FilingStatusView fresh = FilingStatusView.of(message, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            if (stored != null && fresh.sameAs(read(stored))) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("filing status of %s: %s", message.ticker(), message.status());
            return hash.hset(STATUS_KEY, message.ticker(), json(fresh)).chain(() -> announce(1));
        });
    }

    private FilingStatusView read(String json) {
        try {
            return mapper.readValue(json, FilingStatusView.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String json(FilingStatusView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores several new current verdicts at once (a change of rules) and tells every replica once. */
    public Uni<Void> putAll(List<VerdictEntity> changed) {
        return changed.isEmpty() ? Uni.createFrom().voidItem() : write(fields(changed), 1);
    }

    /** Reads the current verdicts from Redis into a new snapshot, unless the version is unchanged. */
    public Uni<Void> refresh() {
        return versions.get(VERSION_KEY)
                .chain(version -> {
                    long current = version == null ? 0 : version;
                    VerdictSnapshot known = snapshot;
                    if (known != null && current < known.version()) {
                        // Redis came back without its data (restart without persistence, failover): its counter
                        // restarted too, so refill it from PostgreSQL under a version past every one served.
                        LOG.warnf("Redis lost the verdicts (version %d, served %d): refilling it from PostgreSQL",
                                current, known.version());
                        return verdicts.latestOfEach()
                                .chain(latest -> write(fields(latest), known.version() - current + 1))
                                .replaceWith(known);
                    }
                    if (known != null && known.version() == current && current > 0) {
                        return Uni.createFrom().item(known);
                    }
                    return hash.hgetall(KEY).chain(all -> hash.hgetall(STATUS_KEY)
                            .map(statuses -> VerdictSnapshot.of(current, all, statuses, mapper)));
                })
                .invoke(fresh -> {
                    install(fresh);
                    if (stale) {
                        LOG.infof("verdict snapshot loaded from Redis: version %d, %d companies", fresh.version(), fresh.byTicker().size());
                    }
                    stale = false;
                })
                .onFailure().invoke(e -> {
                    if (!stale) {
                        LOG.warnf("Redis unreachable, serving the last verdict snapshot as stale: %s", e.getMessage());
                    }
                    stale = true;
                })
                .replaceWithVoid();
    }

    /** Concurrent refreshes may finish out of order: an older version never replaces a newer one. */
    private synchronized void install(VerdictSnapshot fresh) {
        VerdictSnapshot before = snapshot;
        if (before == fresh || before != null && fresh.version() < before.version()) {
            return;
        }
        snapshot = fresh;
        events.changed(before, fresh);
        gauges.update(fresh);
    }

    void onStart(@Observes StartupEvent event) {
        subscribe();
        refresh().subscribe().with(done -> { }, e -> LOG.warnf("first verdict snapshot not loaded yet: %s", e.getMessage()));
    }

    void onStop(@Observes ShutdownEvent event) {
        Cancellable current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    /** Listens for announced changes; resubscribes after Redis comes back. */
    private void subscribe() {
        subscription = redis.pubsub(Long.class).subscribe(CHANNEL)
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .onItem().call(version -> refresh().onFailure().recoverWithNull())
                .subscribe().with(version -> { }, e -> LOG.errorf("verdict change subscription ended: %s", e.getMessage()));
    }

    @Scheduled(every = "${capexwatch.cache.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure().recoverWithNull();
    }

    /** Refills Redis from PostgreSQL, the record, so a lost write or a flushed Redis heals by itself. */
    @Scheduled(every = "${capexwatch.cache.resync-interval:60s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resync() {
        return verdicts.latestOfEach().chain(this::putAllIfDifferent)
                .onFailure().invoke(e -> LOG.warnf("refilling the verdict cache failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> putAllIfDifferent(List<VerdictEntity> latest) {
        Map<String, String> fields = fields(latest);
        return hash.hgetall(KEY).chain(current -> {
            boolean inSync = fields.entrySet().stream().allMatch(e -> e.getValue().equals(current.get(e.getKey())));
            return inSync ? refresh() : write(fields, 1);
        });
    }

    private static Map<String, String> fields(List<VerdictEntity> latest) {
        Map<String, String> fields = new TreeMap<>();
        latest.forEach(v -> fields.put(v.ticker, v.body));
        return fields;
    }

    /** Writes verdicts, moves the version on by {@code increment} and tells every replica. */
    private Uni<Void> write(Map<String, String> fields, long increment) {
        Uni<Void> written = fields.isEmpty() ? Uni.createFrom().voidItem() : hash.hset(KEY, fields).replaceWithVoid();
        return written.chain(() -> announce(increment));
    }

    /** Moves the version on, tells every replica on the channel, and refreshes this one. */
    private Uni<Void> announce(long increment) {
        return versions.incrby(VERSION_KEY, increment)
                .chain(version -> redis.pubsub(Long.class).publish(CHANNEL, version))
                .chain(this::refresh);
    }
}
