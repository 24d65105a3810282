package io.capexwatch.verdict.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board's API over the real broker and PostgreSQL: a watched company without a filing is listed, the
 * peer grid places a June-year and a May-year company on calendar 2025 Q3 (JSON and CSV), the group adds up
 * to the grid, and the timeline shows the verdict's first state. Other test classes' companies share the
 * database, so assertions pick this test's tickers.
 */
@QuarkusTest
class BoardResourceTest {
    private static final long JUNE_CIK = 9_913_001L;
    private static final long MAY_CIK = 9_913_002L;
    private static final long AWAITING_CIK = 9_913_003L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    private static MetricsSnapshot as(MetricsSnapshot series, long cik, String ticker) {
        return new MetricsSnapshot(1, cik, ticker, ticker + " TEST CO", 1, 1, Instant.parse("2025-11-01T00:00:00Z"), series.quarters());
    }

    @Test
    void watchlistPeersGroupAndTimeline() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.FILING_STATUS, new FilingStatus(FilingStatus.SCHEMA_VERSION, AWAITING_CIK,
                "PEERW", "AWAITING_FIRST_POLL", null, null, null, null));
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, as(PeerGridTest.JUNE_YEAR, JUNE_CIK, "PEERJ"));
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, as(PeerGridTest.MAY_YEAR, MAY_CIK, "PEERM"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/watchlist").then().statusCode(200)
                .body("find { it.ticker == 'PEERW' }.status", is("AWAITING_FIRST_POLL"))
                .body("find { it.ticker == 'PEERW' }.cik", is((int) AWAITING_CIK))
                .body("find { it.ticker == 'PEERW' }.edgarUrl", containsString("CIK=0009913003")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/PEERM").then().statusCode(200));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/PEERJ").then().statusCode(200));

        JsonPath peers = given().get("/api/peers?quarter=2025q3&sort=capex&order=desc").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertEquals("2025Q3", peers.getString("calendarQuarter"));
        assertTrue(peers.getList("available", String.class).contains("2024Q3"));
        List<String> order = peers.getList("rows.ticker", String.class).stream().filter(t -> t.startsWith("PEER")).toList();
        assertEquals(List.of("PEERJ", "PEERM"), order); // capex 20,000M before 8,500M
        assertEquals("FY2026 Q1", peers.getString("rows.find { it.ticker == 'PEERJ' }.fiscalLabel"));
        assertEquals(20_000_000_000L, peers.getLong("rows.find { it.ticker == 'PEERJ' }.capex"));
        assertEquals(25_000_000_000L, peers.getLong("rows.find { it.ticker == 'PEERJ' }.fcf"));
        assertEquals(0.5f, peers.getFloat("rows.find { it.ticker == 'PEERJ' }.daGrowth"));
        assertEquals("https://www.sec.gov/Archives/edgar/data/9913001/000078901925000202/",
                peers.getString("rows.find { it.ticker == 'PEERJ' }.capexFilingUrl"));
        assertEquals("2025-08-31", peers.getString("rows.find { it.ticker == 'PEERM' }.periodEnd"));
        assertEquals(-400_000_000L, peers.getLong("rows.find { it.ticker == 'PEERM' }.fcf"));

        String csv = given().get("/api/peers?quarter=2025Q3&format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"peers-2025Q3.csv\"").extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("calendar_quarter,ticker,cik,fiscal_quarter,period_start,period_end,capex_usd,ocf_usd,fcf_usd,capex_to_ocf,"
                + "fcf_margin,depreciation_amortization_growth,ttm_capex_usd,ttm_ocf_usd,ttm_fcf_usd,ttm_company_fcf_usd,"
                + "filing_accession,capex_filing_url,ocf_filing_url", lines[0]);
        assertTrue(List.of(lines).contains("2025Q3,PEERM,9913002,FY2026 Q1,2025-06-01,2025-08-31,8500000000,8100000000,-400000000,"
                + "1.0494,-0.0268,,30000000000,,,,0001341439-25-000303,"
                + "https://www.sec.gov/Archives/edgar/data/9913002/000134143925000303/,"
                + "https://www.sec.gov/Archives/edgar/data/9913002/000134143925000303/"), csv);
        given().accept("text/csv").get("/api/peers?quarter=2025Q3").then().statusCode(200).contentType(startsWith("text/csv"));

        JsonPath group = given().get("/api/group?from=2025Q3&to=2025Q3").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2025Q3"), group.getList("calendarQuarter", String.class));
        long gridCapex = peers.getList("rows.capex", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(gridCapex, group.getLong("[0].capex"));
        assertTrue(group.getList("[0].reported", String.class).containsAll(List.of("PEERJ", "PEERM")));
        BigDecimal share = BigDecimal.valueOf(20_000_000_000L).divide(BigDecimal.valueOf(gridCapex), 4, RoundingMode.HALF_EVEN);
        assertEquals(share.floatValue(), group.getFloat("[0].shares.find { it.ticker == 'PEERJ' }.capexShare"));

        given().get("/api/companies/peerm/timeline").then().statusCode(200)
                .body("ticker", is("PEERM"))
                .body("cik", is((int) MAY_CIK))
                .body("quarters[-1].fiscalLabel", is("FY2026 Q1"))
                .body("quarters[-1].calendarQuarter", is("2025Q3"))
                .body("changes[0].from", is((Object) null))
                .body("changes[0].filingUrl", is("https://www.sec.gov/Archives/edgar/data/9913002/000134143925000303/"));
    }

    /** Removed from the watchlist (NOT_WATCHED from earnings-ingest): off the watchlist, the grid and the group; its verdict stays, marked. */
    @Test
    void aCompanyRemovedFromTheWatchlistLeavesTheWatchlistTheGridAndTheGroup() throws Exception {
        long cik = 9_913_004L;
        Instant polled = Instant.parse("2025-11-01T12:00:00Z");
        TestMessages.send(bootstrap, mapper, TestMessages.FILING_STATUS, new FilingStatus(FilingStatus.SCHEMA_VERSION, cik,
                "PEERX", "UP_TO_DATE", "latest 10-Q imported", null, null, polled));
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, as(PeerGridTest.JUNE_YEAR, cik, "PEERX"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().get("/api/watchlist").then().statusCode(200).body("find { it.ticker == 'PEERX' }.status", is("UP_TO_DATE"));
            given().get("/api/verdicts/PEERX").then().statusCode(200).body("filing.status", is("UP_TO_DATE"));
        });
        assertEquals(20_000_000_000L, given().get("/api/peers?quarter=2025Q3").then().statusCode(200).extract().jsonPath()
                .getLong("rows.find { it.ticker == 'PEERX' }.capex"));

        TestMessages.send(bootstrap, mapper, TestMessages.FILING_STATUS, new FilingStatus(FilingStatus.SCHEMA_VERSION, cik,
                "PEERX", FilingStatus.NOT_WATCHED, "removed from the watchlist: no longer polled; its stored filings stay",
                null, null, polled));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().get("/api/verdicts/PEERX").then().statusCode(200).body("filing.status", is("NOT_WATCHED"));
            assertTrue(given().get("/api/watchlist").then().statusCode(200).extract().jsonPath()
                    .getList("ticker", String.class).stream().noneMatch("PEERX"::equals));
        });
        assertTrue(given().get("/api/peers?quarter=2025Q3").then().statusCode(200).extract().jsonPath()
                .getList("rows.ticker", String.class).stream().noneMatch("PEERX"::equals));
        assertTrue(given().get("/api/group?from=2025Q3&to=2025Q3").then().statusCode(200).extract().jsonPath()
                .getList("[0].reported", String.class).stream().noneMatch("PEERX"::equals));
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        for (String query : List.of("quarter=2025Q9", "quarter=Q3", "sort=price", "order=up", "format=xml")) {
            given().get("/api/peers?" + query).then().statusCode(400).contentType("application/problem+json");
        }
        given().get("/api/peers?quarter=2025Q9").then().body("detail", is("'2025Q9' is not a calendar quarter such as 2025Q3"));
        given().get("/api/group?from=2025Q4&to=2025Q1").then().statusCode(400).contentType("application/problem+json")
                .body("detail", is("from 2025Q4 is after to 2025Q1"));
        given().get("/api/group?to=20x5").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/companies/NOSUCH/timeline").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/companies/-bad-/timeline").then().statusCode(400).contentType("application/problem+json");
        // earnings-ingest, which reads the SEC frames, does not listen in this test: a 503 saying so, not a 500.
        given().get("/api/group/all-filers/CY2024").then().statusCode(503).contentType("application/problem+json")
                .body("title", is("earnings-ingest unreachable"));
    }
}
