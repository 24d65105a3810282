package io.capexwatch.tracker.rest;

import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.tracker.AlphabetQuarters;
import io.capexwatch.tracker.service.MetricsService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** Every revision of a series is kept: a restated quarter makes a new one, the old one can still be read. */
@QuarkusTest
class MetricsHistoryTest {
    private static final long CIK = 9_900_011L;

    @Inject
    MetricsService metrics;

    @Test
    void aRestatementMakesANewRevisionAndTheOldOneStaysReadable() throws Throwable {
        List<FiscalQuarterFundamentals> original = AlphabetQuarters.quarters();
        apply(1, original);
        // A 10-Q/A raises 2025 Q3 capex by $4M: Q3 and the TTM of Q3, Q4 and 2026 Q1 change.
        apply(2, original.stream().map(q -> q.periodEnd().equals(LocalDate.parse("2025-09-30")) ? AlphabetQuarters.withCapexRestated(q, 4_000_000L) : q).toList());
        apply(2, original); // a redelivery of an older state with the same revision changes nothing

        given().get("/api/companies/HISTCO/metrics/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(2, 1)))
                .body("fundamentalsRevision", equalTo(List.of(2, 1)))
                .body("changedQuarters", equalTo(List.of(3, 9)));
        String q3 = "quarters.find { it.periodEnd == '2025-09-30' }";
        given().get("/api/companies/HISTCO/metrics").then()
                .body("revision", is(2))
                .body(q3 + ".capex", equalTo(23_957_000_000L))
                .body(q3 + ".ttmFcf", equalTo(73_548_000_000L));
        given().get("/api/companies/HISTCO/metrics?revision=1").then()
                .body("revision", is(1))
                .body(q3 + ".capex", equalTo(23_953_000_000L))
                .body(q3 + ".ttmFcf", equalTo(73_552_000_000L))
                .body(q3 + ".ttmCapexToOcf", is(0.5143f));
        given().get("/api/companies/HISTCO/metrics?revision=7").then().statusCode(404)
                .body("detail", is("no metrics for ticker HISTCO at revision 7"));
        given().get("/api/companies/HISTCO/metrics?revision=1&asOf=2025-11-15").then().statusCode(400);
        // A revision that is no number is the client's mistake, not an unknown revision.
        for (String revision : List.of("abc", "0", "-1", "1.5", "99999999999999999999")) {
            given().get("/api/companies/HISTCO/metrics?revision=" + revision).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", is("https://capexwatch.io/problems/invalid-revision"))
                    .body("detail", is("revision must be a positive whole number, not '" + revision + "'"));
        }
        for (String param : List.of("from", "to", "asOf")) {
            given().get("/api/companies/HISTCO/metrics?" + param + "=2025-13-01").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", is("https://capexwatch.io/problems/invalid-date"))
                    .body("detail", is(param + " must be a date as YYYY-MM-DD, not '2025-13-01'"));
        }
    }

    private void apply(long revision, List<FiscalQuarterFundamentals> quarters) throws Throwable {
        FundamentalsSnapshot snapshot = AlphabetQuarters.snapshot(revision, quarters);
        VertxContextSupport.subscribeAndAwait(() -> metrics.apply(new FundamentalsSnapshot(snapshot.schemaVersion(), CIK,
                "HISTCO", "HISTORY TEST CO", revision, Instant.parse("2026-05-01T00:00:00Z"), quarters, snapshot.changes())));
    }
}
