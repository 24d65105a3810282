package io.capexwatch.ingest.frames;

import io.capexwatch.ingest.edgar.EdgarStubResource;
import io.capexwatch.localinfra.EdgarStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * All filers' capex from the SEC frames over real HTTP against the local EDGAR stub, with frames documents we
 * wrote in the frames API's format: Alphabet's, Meta's and Amazon's 2024 capex as they reported it, and two
 * made-up filers (CIK 9990001, 9990002), one of them under both capex concepts, to prove it counts once.
 */
@QuarkusTest
@WithTestResource(value = EdgarStubResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CapexFramesTest {
    private static final String PPE = "/api/xbrl/frames/us-gaap/PaymentsToAcquirePropertyPlantAndEquipment/USD/CY2024.json";
    private static final String PRODUCTIVE = "/api/xbrl/frames/us-gaap/PaymentsToAcquireProductiveAssets/USD/CY2024.json";
    private static final String PPE_Q2 = "/api/xbrl/frames/us-gaap/PaymentsToAcquirePropertyPlantAndEquipment/USD/CY2025Q2.json";

    private static byte[] frame(String tag, String label, String... entries) {
        return """
                {"taxonomy": "us-gaap", "tag": "%s", "ccp": "CY2024", "uom": "USD", "label": "%s",
                 "description": "The cash outflow associated with the acquisition of long-lived, physical assets.",
                 "pts": %d, "data": [%s]}
                """.formatted(tag, label, entries.length, String.join(",", entries)).getBytes(StandardCharsets.UTF_8);
    }

    private static String entry(String accn, long cik, String name, String loc, String start, String end, long val) {
        return """
                {"accn": "%s", "cik": %d, "entityName": "%s", "loc": "%s", "start": "%s", "end": "%s", "val": %d}
                """.formatted(accn, cik, name, loc, start, end, val);
    }

    @Test
    void theWatchedCompaniesShareOfAllFilersCapexIn2024() {
        EdgarStub stub = EdgarStubResource.stub();
        stub.serve(PPE, frame("PaymentsToAcquirePropertyPlantAndEquipment", "Payments to Acquire Property, Plant, and Equipment",
                entry("0001652044-25-000014", 1652044, "Alphabet Inc.", "US-CA", "2024-01-01", "2024-12-31", 52_535_000_000L),
                entry("0001326801-25-000017", 1326801, "Meta Platforms, Inc.", "US-CA", "2024-01-01", "2024-12-31", 37_256_000_000L),
                entry("0009990001-25-000001", 9990001, "Example Utility Co", "US-TX", "2024-01-01", "2024-12-31", 100_000_000_000L),
                entry("0009990002-25-000002", 9990002, "Example Rail Co", "US-NE", "2024-01-01", "2024-12-31", 10_000_000_000L)));
        stub.serve(PRODUCTIVE, frame("PaymentsToAcquireProductiveAssets", "Payments to Acquire Productive Assets",
                entry("0001018724-25-000004", 1018724, "AMAZON.COM, INC.", "US-WA", "2024-01-01", "2024-12-31", 83_004_000_000L),
                entry("0009990002-25-000002", 9990002, "Example Rail Co", "US-NE", "2024-01-01", "2024-12-31", 99L)));

        for (int call = 0; call < 2; call++) {
            given().get("/api/frames/capex/cy2024").then().statusCode(200)
                    .body("period", is("CY2024"))
                    .body("concepts", is(List.of("PaymentsToAcquirePropertyPlantAndEquipment", "PaymentsToAcquireProductiveAssets")))
                    .body("filers", is(5))
                    .body("totalUsd", is(282_795_000_000L))
                    .body("watchedUsd", is(172_795_000_000L))
                    .body("share", is(0.6110f))
                    .body("watched.ticker", is(List.of("AMZN", "GOOGL", "META")))
                    .body("watched.find { it.ticker == 'AMZN' }.concept", is("PaymentsToAcquireProductiveAssets"))
                    .body("watched.find { it.ticker == 'GOOGL' }.filingUrl",
                            is("https://www.sec.gov/Archives/edgar/data/1652044/000165204425000014/"))
                    // other test classes may watch more companies in this JVM's database
                    .body("watchedMissing", hasItems("CRWV", "MSFT", "NVDA", "ORCL"))
                    .body("latestEnd", is("2024-12-31"))
                    .body("coverage", is("calendar year 2024: 12-month durations, each filer's fiscal year that best fits the calendar year"));
        }
        // Fair access: one request per frame (the second answer came from the cache), with the contact User-Agent.
        assertEquals(1, stub.requests(PPE).size());
        assertEquals(1, stub.requests(PRODUCTIVE).size());
        assertEquals(EdgarStubResource.USER_AGENT, stub.requests(PPE).getFirst().header("User-Agent"));
    }

    @Test
    void periodsFramesCannotCoverAreA400SayingWhy() {
        given().get("/api/frames/capex/CY2025Q2").then().statusCode(400).contentType("application/problem+json")
                .body("detail", is("'CY2025Q2' cannot be computed from frames: only first quarters: capex is reported year to date,"
                        + " so quarter 2 of a calendar year has no 3-month capex from most filers (frames carry 3- and 12-month"
                        + " durations only)"));
        given().get("/api/frames/capex/2024").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/frames/capex/CY2005").then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, EdgarStubResource.stub().requests(PPE_Q2).size());
    }

    @Test
    void aConceptNoFilerReportedForThePeriodCountsAsNone() {
        // The stub answers 404 for both CY2023Q1 frames, as EDGAR does for a frame that does not exist.
        given().get("/api/frames/capex/CY2023Q1").then().statusCode(200)
                .body("filers", is(0))
                .body("totalUsd", is(0))
                .body("share", is((Object) null))
                .body("coverage", is("first quarter of 2023: 3-month durations ending near March 31 (year to date is 3 months there)"));
    }
}
