package io.capexwatch.verdict.repository;

import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.verdict.AlphabetMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A company's latest metrics input is stored in one statement, read back whole, and never moved back. */
@QuarkusTest
class MetricsInputRepositoryTest {
    private static final long CIK = 9_900_041L;

    @Inject
    MetricsInputRepository inputs;

    @Test
    @RunOnVertxContext
    void theLatestSnapshotIsKeptAndAnOlderOneChangesNothing(UniAsserter asserter) {
        MetricsSnapshot second = as(2);
        asserter.execute(() -> Panache.withTransaction(() -> inputs.store(as(1))));
        asserter.execute(() -> Panache.withTransaction(() -> inputs.store(second)));
        // A redelivered older revision arriving after the newer one.
        asserter.execute(() -> Panache.withTransaction(() -> inputs.store(as(1))));
        asserter.assertThat(() -> inputs.findByTicker("inputco"), row -> {
            assertEquals(2, row.revision);
            assertEquals(2, row.snapshot.revision());
            assertEquals(second.publishedAt(), row.snapshot.publishedAt());
            assertEquals(second.quarters().stream().map(q -> q.periodEnd() + " " + q.ocf() + " " + q.capex() + " " + q.ttmFcf()).toList(),
                    row.snapshot.quarters().stream().map(q -> q.periodEnd() + " " + q.ocf() + " " + q.capex() + " " + q.ttmFcf()).toList());
            // Ratios come back equal in value; their trailing zeros do not survive the reactive client's JSON (doubles).
            assertEquals(0, new BigDecimal("0.4950").compareTo(row.snapshot.quarters().get(1).capexToOcf()));
        });
        asserter.execute(() -> Panache.withTransaction(() -> inputs.deleteById(CIK)));
    }

    private static MetricsSnapshot as(long revision) {
        MetricsSnapshot alphabet = AlphabetMetrics.snapshot(revision, AlphabetMetrics.quarters());
        return new MetricsSnapshot(alphabet.schemaVersion(), CIK, "INPUTCO", "INPUT TEST CO", revision, revision,
                Instant.parse("2026-05-01T00:00:00Z"), alphabet.quarters());
    }
}
