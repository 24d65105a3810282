package io.capexwatch.verdict.repository;

import io.capexwatch.verdict.rules.VerdictState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The current verdict is the latest row per company, on the real PostgreSQL. */
@QuarkusTest
class VerdictRepositoryTest {
    @Inject
    VerdictRepository verdicts;

    @Test
    @RunOnVertxContext
    void latestRowPerCompanyIsItsCurrentVerdict(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> verdicts.persist(
                row(1_018_724L, "TSTA", VerdictState.ON_SCHEDULE, 1),
                row(1_018_724L, "TSTA", VerdictState.SLIPPING, 2),
                row(1_326_801L, "TSTB", VerdictState.WATCH, 1))));
        asserter.assertThat(() -> verdicts.latestOfEach(), list -> assertEquals(
                List.of("TSTA:SLIPPING", "TSTB:WATCH"),
                list.stream().filter(v -> v.ticker.startsWith("TST")).map(v -> v.ticker + ":" + v.state).toList()));
        asserter.assertThat(() -> verdicts.history("tsta"),
                list -> assertEquals(List.of(2L, 1L), list.stream().map(v -> v.metricsRevision).toList()));
        asserter.assertEquals(() -> verdicts.latestFor(1_326_801L).map(v -> v.state), VerdictState.WATCH);
        asserter.execute(() -> Panache.withTransaction(() -> verdicts.delete("ticker like 'TST%'")));
    }

    private static VerdictEntity row(long cik, String ticker, VerdictState state, long revision) {
        VerdictEntity row = new VerdictEntity();
        row.cik = cik;
        row.ticker = ticker;
        row.state = state;
        row.stateSince = Instant.parse("2026-05-01T00:00:00Z");
        row.metricsRevision = revision;
        row.evaluatedAt = Instant.parse("2026-05-01T00:00:00Z");
        row.body = "{\"ticker\":\"" + ticker + "\"}";
        return row;
    }
}
