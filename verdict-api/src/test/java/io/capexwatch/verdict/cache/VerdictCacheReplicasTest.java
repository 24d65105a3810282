package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.capexwatch.verdict.rules.VerdictState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas writing and reading the same Redis: the application's VerdictCache and a second instance of
 * the same logic, with its own snapshot and events, as another pod would have.
 */
@QuarkusTest
class VerdictCacheReplicasTest {
    /** Revisions far above any row id of this test run, growing as PostgreSQL's do. */
    private static final AtomicLong REVISIONS = new AtomicLong(3_000_000_000L);

    @Inject
    VerdictCache cache;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    VerdictRepository verdicts;

    @Inject
    ObjectMapper mapper;

    private VerdictCache secondReplica() {
        return secondReplica(new SimpleMeterRegistry());
    }

    private VerdictCache secondReplica(SimpleMeterRegistry registry) {
        return new VerdictCache(redis, verdicts, mapper, new VerdictEvents(), new VerdictGauges(new SimpleMeterRegistry(), mapper), registry);
    }

    @Test
    void refreshesThatReadTheSameVersionBuildItOnce() throws Throwable {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        VerdictCache other = secondReplica(registry);
        VerdictEntity change = verdict("ONCEA", "WATCH");
        VertxContextSupport.subscribeAndAwait(() -> cache.put(change));
        long version = version();

        // As a store's own refresh and the announcement of the change do: both read before either is built.
        VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(other.refresh(), other.refresh()).andFailFast().replaceWithVoid());
        assertEquals(1.0, builds(registry), "snapshots built");
        assertEquals(version, other.snapshot().version());
        assertTrue(body(other, "ONCEA").contains("\"revision\":" + change.id), body(other, "ONCEA"));

        // Nothing new: a refresh reads the version alone and builds nothing; a change is built once more.
        VertxContextSupport.subscribeAndAwait(other::refresh);
        assertEquals(1.0, builds(registry), "snapshots built");
        VerdictEntity next = verdict("ONCEA", "SLIPPING");
        VertxContextSupport.subscribeAndAwait(() -> cache.put(next));
        VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(other.refresh(), other.refresh(), other.refresh()).andFailFast().replaceWithVoid());
        assertEquals(2.0, builds(registry), "snapshots built");
        assertTrue(body(other, "ONCEA").contains("\"state\":\"SLIPPING\""), body(other, "ONCEA"));
        assertArrayEquals(cache.snapshot().all().body(), other.snapshot().all().body());
    }

    private static double builds(SimpleMeterRegistry registry) {
        return registry.get("capexwatch.verdicts.snapshot.builds").counter().count();
    }

    @Test
    void anOlderVerdictWrittenAfterANewerOneLeavesTheNewer() throws Throwable {
        VerdictCache other = secondReplica();
        VerdictEntity older = verdict("RACEA", "WATCH");
        VerdictEntity newer = verdict("RACEA", "SLIPPING");
        // This replica stores the newer verdict; the other then writes back what it had read before.
        VertxContextSupport.subscribeAndAwait(() -> cache.put(newer));
        long version = version();
        VertxContextSupport.subscribeAndAwait(() -> other.putAll(List.of(older)));

        assertEquals(newer.body, stored(VerdictCache.KEY, "RACEA"));
        assertEquals(Long.toString(newer.id), stored(VerdictCache.REVISION_KEY, "RACEA"));
        assertEquals(version, version(), "a write that changed nothing moves no version on");
        VertxContextSupport.subscribeAndAwait(other::refresh);
        assertTrue(body(other, "RACEA").contains("\"revision\":" + newer.id), body(other, "RACEA"));
        assertTrue(body(cache, "RACEA").contains("\"revision\":" + newer.id), body(cache, "RACEA"));
    }

    @Test
    void theRefillFromPostgresqlNeverPutsBackAVerdictOlderThanOneStoredMeanwhile() throws Throwable {
        // PostgreSQL's latest row of RACEB, as the other replica's resync reads it ...
        VerdictEntity inPostgres = verdict("RACEB", "WATCH");
        inPostgres.id = null;
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> verdicts.persist(inPostgres)));
        // ... while this replica stores a newer evaluation (its row committed after that read).
        VerdictEntity newer = verdict("RACEB", "SLIPPING");
        newer.id = inPostgres.id + 1_000_000;
        VertxContextSupport.subscribeAndAwait(() -> cache.put(newer));

        VerdictCache other = secondReplica();
        VertxContextSupport.subscribeAndAwait(other::resync);
        assertEquals(newer.body, stored(VerdictCache.KEY, "RACEB"));
        assertTrue(body(other, "RACEB").contains("\"state\":\"SLIPPING\""), body(other, "RACEB"));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> verdicts.delete("ticker", "RACEB")));
    }

    @Test
    void oneVersionNamesByteIdenticalContentOnEveryReplica() throws Throwable {
        VerdictCache other = secondReplica();
        Map<Long, String> etagByVersion = new ConcurrentHashMap<>();
        List<String> conflicts = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch readerDone = new CountDownLatch(1);
        // The other replica reads as fast as it can while this one writes verdicts and statuses.
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                while (writing.get()) {
                    VertxContextSupport.subscribeAndAwait(other::refresh);
                    record(other.snapshot(), etagByVersion, conflicts);
                }
            } catch (Throwable e) {
                conflicts.add("reader failed: " + e);
            } finally {
                readerDone.countDown();
            }
        });
        for (int i = 0; i < 40; i++) {
            VerdictEntity next = verdict(i % 2 == 0 ? "CONSA" : "CONSB", i % 3 == 0 ? "WATCH" : "SLIPPING");
            VertxContextSupport.subscribeAndAwait(() -> cache.put(next));
            record(cache.snapshot(), etagByVersion, conflicts);
        }
        writing.set(false);
        assertTrue(readerDone.await(30, TimeUnit.SECONDS));
        reader.join();
        assertEquals(List.of(), conflicts);
        assertTrue(etagByVersion.size() >= 40, "versions seen: " + etagByVersion.size());

        // A third replica starting now loads the same bytes as both at the same version.
        VerdictCache third = secondReplica();
        VertxContextSupport.subscribeAndAwait(third::refresh);
        VertxContextSupport.subscribeAndAwait(other::refresh);
        VertxContextSupport.subscribeAndAwait(cache::refresh);
        assertEquals(third.snapshot().version(), other.snapshot().version());
        assertArrayEquals(third.snapshot().all().body(), other.snapshot().all().body());
        assertEquals(third.snapshot().version(), cache.snapshot().version());
        assertArrayEquals(third.snapshot().all().body(), cache.snapshot().all().body());
    }

    private static void record(VerdictSnapshot snapshot, Map<Long, String> etagByVersion, List<String> conflicts) {
        String before = etagByVersion.putIfAbsent(snapshot.version(), snapshot.all().etag());
        if (before != null && !before.equals(snapshot.all().etag())) {
            synchronized (conflicts) {
                conflicts.add("version " + snapshot.version() + ": " + before + " and " + snapshot.all().etag());
            }
        }
    }

    private long version() throws Throwable {
        String version = VertxContextSupport.subscribeAndAwait(() -> redis.value(String.class).get(VerdictCache.VERSION_KEY));
        return Long.parseLong(version);
    }

    private String stored(String key, String ticker) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> redis.hash(String.class).hget(key, ticker));
    }

    private static String body(VerdictCache replica, String ticker) {
        return new String(replica.snapshot().byTicker().get(ticker).body(), UTF_8);
    }

    private static VerdictEntity verdict(String ticker, String state) {
        VerdictEntity verdict = new VerdictEntity();
        verdict.id = REVISIONS.incrementAndGet();
        verdict.cik = 3L;
        verdict.ticker = ticker;
        verdict.state = VerdictState.valueOf(state);
        verdict.stateSince = Instant.parse("2026-05-01T00:00:00Z");
        verdict.evaluatedAt = Instant.parse("2026-05-01T00:00:00Z");
        verdict.body = "{\"ticker\":\"" + ticker + "\",\"state\":\"" + state + "\",\"evaluatedAt\":\"2026-05-01T00:00:00Z\","
                + "\"revision\":" + verdict.id + "}";
        return verdict;
    }
}
