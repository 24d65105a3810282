package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Current verdicts: stored in Redis (hash {@value #KEY}, each verdict's revision in {@value #REVISION_KEY},
 * version counter {@value #VERSION_KEY}), announced on the Redis channel {@value #CHANNEL}, and held by every
 * replica as an in-memory {@link VerdictSnapshot} that requests are served from. A replica refreshes its
 * snapshot when a change is announced and, as a safety net, on a short schedule. If Redis is unreachable the
 * last snapshot keeps being served, marked stale. PostgreSQL stays the record: Redis is refilled from it at
 * start-up and every minute.
 *
 * <p>Every write and every read is one Lua script ({@link RedisScripts}): a verdict is stored only if its
 * revision (its row id in PostgreSQL, which grows with every evaluation) is newer than the one held, so a
 * refill that read PostgreSQL just before another replica stored a newer verdict cannot put the older one
 * back; the version moves on in the same step as the content, and is read in the same step as it, so one
 * version names the same content on every replica (and SSE event ids mean the same everywhere).
 */
@ApplicationScoped
public class VerdictCache {
    static final String KEY = "capexwatch:verdicts";
    static final String REVISION_KEY = "capexwatch:verdicts:revisions";
    static final String VERSION_KEY = "capexwatch:verdicts:version";
    static final String CHANNEL = "capexwatch:verdicts:changed";
    /** Each company's EDGAR status (from earnings-ingest's polls), merged into its verdict as {@code filing}. */
    static final String STATUS_KEY = "capexwatch:filing-status";
    private static final Logger LOG = Logger.getLogger(VerdictCache.class);

    private final ReactiveRedisDataSource redis;
    private final ReactiveHashCommands<String, String, String> hash;
    private final VerdictRepository verdicts;
    private final ObjectMapper mapper;
    private final VerdictEvents events;
    private final VerdictGauges gauges;
    private volatile VerdictSnapshot snapshot;
    private volatile boolean stale = true;
    private volatile Cancellable subscription;
    private volatile Build building;
    private final Counter buildCount;

    /**
     * A snapshot being built (or built last) and the version it is built at. A change of this replica's is
     * asked for twice, by the store's own refresh and by its announcement on the channel, and both read the
     * same version: at hundreds of companies a build takes tens of milliseconds, so both used to build it.
     */
    private record Build(long version, CompletableFuture<VerdictSnapshot> done) {
        boolean covers(long version) {
            return this.version >= version && !done.isCompletedExceptionally();
        }
    }

    public VerdictCache(ReactiveRedisDataSource redis, VerdictRepository verdicts, ObjectMapper mapper,
                        VerdictEvents events, VerdictGauges gauges, MeterRegistry registry) {
        this.buildCount = Counter.builder("capexwatch.verdicts.snapshot.builds")
                .description("verdict snapshots built from Redis (each once per version read)").register(registry);
        this.redis = redis;
        this.events = events;
        this.gauges = gauges;
        this.hash = redis.hash(String.class);
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

    /** Stores a new current verdict (unless a newer one is held) and tells every replica. */
    public Uni<Void> put(VerdictEntity verdict) {
        return store(List.of(verdict), 1, false);
    }

    /** Stores several new current verdicts at once (a change of rules) and tells every replica once. */
    public Uni<Void> putAll(List<VerdictEntity> changed) {
        return changed.isEmpty() ? Uni.createFrom().voidItem() : store(changed, 1, false);
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
            return redis.execute("EVAL", RedisScripts.STORE_STATUS, "2", STATUS_KEY, VERSION_KEY,
                    CHANNEL, message.ticker(), json(fresh)).chain(this::refresh);
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

    /** Reads the version and the verdicts it names from Redis into a new snapshot, unless the version is unchanged. */
    public Uni<Void> refresh() {
        VerdictSnapshot held = snapshot;
        String heldVersion = held == null || held.version() == 0 ? "-1" : Long.toString(held.version());
        return redis.execute("EVAL", RedisScripts.READ_SNAPSHOT, "3", VERSION_KEY, KEY, STATUS_KEY, heldVersion)
                .chain(read -> {
                    long current = read.get(0).toLong();
                    VerdictSnapshot known = snapshot;
                    if (known != null && current < known.version()) {
                        // Redis came back without its data (restart without persistence, failover): its counter
                        // restarted too, so refill it from PostgreSQL under a version past every one served.
                        LOG.warnf("Redis lost the verdicts (version %d, served %d): refilling it from PostgreSQL",
                                current, known.version());
                        return verdicts.latestOfEach()
                                .chain(latest -> store(latest, known.version() - current + 1, true))
                                .replaceWith(known);
                    }
                    if (read.size() == 1) {
                        return Uni.createFrom().item(known);
                    }
                    return build(current, read, known);
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

    /**
     * Builds the snapshot of what was read at {@code current}, or waits for the build of that version (or a
     * newer one) already under way. Building one of hundreds of companies takes tens of milliseconds
     * (bodies, SHA-256, gzip): a worker does it, so the event loops keep answering from the snapshot held.
     */
    private Uni<VerdictSnapshot> build(long current, Response read, VerdictSnapshot known) {
        Build underWay = building;
        if (underWay != null && underWay.covers(current)) {
            return onCallerContext(underWay.done());
        }
        Build mine = new Build(current, new CompletableFuture<>());
        building = mine;
        buildCount.increment();
        return offEventLoop(() -> VerdictSnapshot.of(current, pairs(read.get(1)), pairs(read.get(2)), known, mapper))
                .invoke(mine.done()::complete)
                .onFailure().invoke(mine.done()::completeExceptionally);
    }

    /**
     * Whether the snapshot at exactly {@code version} is being built or was built last: the announcement of
     * a change this replica stored. Exactly: a lower version may be Redis' counter restarting after it lost
     * its data, which only a refresh notices.
     */
    private boolean buildsAt(long version) {
        Build underWay = building;
        return underWay != null && underWay.version() == version && !underWay.done().isCompletedExceptionally();
    }

    /** Waits for another refresh's build, going on on the calling Vert.x context as {@link #offEventLoop} does. */
    private static <T> Uni<T> onCallerContext(CompletableFuture<T> done) {
        Context context = Vertx.currentContext();
        Uni<T> joined = Uni.createFrom().completionStage(done::copy); // a copy: cancelling it leaves the build alone
        return context == null ? joined : joined.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /**
     * Runs {@code work} on a worker thread and goes on on the calling Vert.x context (Hibernate Reactive
     * and the messaging acknowledgement after a store must stay on it); inline where there is none.
     */
    private static <T> Uni<T> offEventLoop(Supplier<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(work);
        }
        return Uni.createFrom().completionStage(() -> context.<T>executeBlocking(work::get, false).toCompletionStage());
    }

    /** A flat HGETALL reply (field, value, field, value ...) as a map. */
    private static Map<String, String> pairs(Response flat) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(flat.get(i).toString(), flat.get(i + 1).toString());
        }
        return map;
    }

    /** Concurrent refreshes may finish out of order: an older version never replaces a newer one. */
    private synchronized void install(VerdictSnapshot fresh) {
        VerdictSnapshot before = snapshot;
        if (fresh == null || before == fresh || before != null && fresh.version() <= before.version()) {
            return;
        }
        snapshot = fresh;
        events.changed(before, fresh);
        gauges.update(before, fresh);
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
                // This replica's own changes are announced too: their store already refreshes (or builds) them.
                .onItem().call(version -> buildsAt(version) ? Uni.createFrom().voidItem() : refresh().onFailure().recoverWithNull())
                .subscribe().with(version -> { }, e -> LOG.errorf("verdict change subscription ended: %s", e.getMessage()));
    }

    @Scheduled(every = "${capexwatch.cache.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure().recoverWithNull();
    }

    /**
     * Refills Redis from PostgreSQL, the record, so a lost write or a flushed Redis heals by itself. What it
     * read may already be older than what another replica stored meanwhile: the store keeps the newer.
     */
    @Scheduled(every = "${capexwatch.cache.resync-interval:60s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resync() {
        return verdicts.latestOfEach().chain(latest -> store(latest, 1, false))
                .onFailure().invoke(e -> LOG.warnf("refilling the verdict cache failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * Stores each verdict whose revision is newer than the one held; if any was (or {@code force}), moves the
     * version on by {@code increment} and tells every replica, in the same step; then refreshes this replica.
     */
    Uni<Void> store(List<VerdictEntity> latest, long increment, boolean force) {
        List<String> args = new ArrayList<>(List.of(RedisScripts.STORE_VERDICTS, "3", KEY, REVISION_KEY, VERSION_KEY,
                CHANNEL, Long.toString(increment), force ? "1" : "0"));
        latest.stream().sorted(Comparator.comparing((VerdictEntity v) -> v.ticker)).forEach(v -> {
            if (v.id == null) {
                throw new IllegalArgumentException("verdict of " + v.ticker + " has no id (not persisted)");
            }
            args.addAll(List.of(v.ticker, Long.toString(v.id), v.body));
        });
        return redis.execute("EVAL", args.toArray(String[]::new)).chain(this::refresh);
    }
}
