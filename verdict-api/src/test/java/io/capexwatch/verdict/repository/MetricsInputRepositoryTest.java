package io.capexwatch.verdict.repository;

import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.verdict.AlphabetMetrics;
import io.capexwatch.verdict.AtOnce;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A company's latest metrics input is stored in one statement, read back as sent, never moved back, and raced safely. */
@QuarkusTest
class MetricsInputRepositoryTest {
    private static final long CIK = 9_900_041L;
    private static final long RACED = 9_900_042L;

    @Inject
    MetricsInputRepository inputs;

    @Test
    @RunOnVertxContext
    void theLatestSnapshotIsKeptAndAnOlderOneChangesNothing(UniAsserter asserter) {
        MetricsSnapshot second = as(2);
        asserter.assertEquals(() -> Panache.withTransaction(() -> inputs.store(as(1))), true);
        asserter.assertEquals(() -> Panache.withTransaction(() -> inputs.store(second)), true);
        // A redelivered older revision arriving after the newer one, and the same one again: neither taken.
        asserter.assertEquals(() -> Panache.withTransaction(() -> inputs.store(as(1))), false);
        asserter.assertEquals(() -> Panache.withTransaction(() -> inputs.store(second)), false);
        asserter.assertThat(() -> inputs.findByTicker("inputco"), row -> {
            assertEquals(2, row.revision);
            assertEquals(2, row.snapshot.revision());
            assertEquals(second.publishedAt(), row.snapshot.publishedAt());
            // Whole, as sent: the reactive client reads the column's decimals as doubles (0.495), and the row puts
            // the ratios' trailing zeros back (BigDecimal.equals compares the scale).
            assertEquals(second, row.snapshotAsSent());
            assertEquals(new BigDecimal("0.4950"), row.snapshotAsSent().quarters().get(1).capexToOcf());
        });
        asserter.execute(() -> Panache.withTransaction(() -> inputs.deleteById(CIK)));
    }

    /** Two replicas storing a company's first inputs at the same moment: neither fails on the key, the newer stays. */
    @Test
    void twoFirstStoresAtOnceBothSucceedAndTheNewerStays() throws Throwable {
        AtOnce.run(2, i -> () -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> inputs.store(as(RACED, i + 1)))));
        MetricsInputEntity row = VertxContextSupport.subscribeAndAwait(() -> inputs.findByTicker("RACECO"));
        assertEquals(RACED, row.cik);
        assertEquals(2, row.revision);
        assertEquals(2, row.snapshot.revision());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inputs.deleteById(RACED)));
    }

    private static MetricsSnapshot as(long revision) {
        return as(CIK, revision);
    }

    private static MetricsSnapshot as(long cik, long revision) {
        MetricsSnapshot alphabet = AlphabetMetrics.snapshot(revision, AlphabetMetrics.quarters());
        return new MetricsSnapshot(alphabet.schemaVersion(), cik, cik == RACED ? "RACECO" : "INPUTCO", "INPUT TEST CO", revision, revision,
                Instant.parse("2026-05-01T00:00:00Z"), alphabet.quarters());
    }
}
