package io.capexwatch.verdict.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** EDGAR status from earnings-ingest's polls reaches the verdict as "filing", and repeats change nothing. */
@QuarkusTest
class FilingStatusToVerdictTest {
    private static final long CIK = 9_900_002L;
    private static final String TICKER = "FSTAT";
    private static final Filing TEN_Q = new Filing("0009900002-26-000048", "10-Q", LocalDate.parse("2026-04-30"));
    private static final Filing EARNINGS_8K = new Filing("0009900002-26-000061", "8-K", LocalDate.parse("2026-07-23"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Test
    void resultsReleasedAwaitingTheTenQShowsOnTheVerdict() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER)
                .then().statusCode(200).body("state", is("WATCH")).body("filing", nullValue()));
        String etagWithoutStatus = given().get("/api/verdicts/" + TICKER).header("ETag");

        TestMessages.send(bootstrap, mapper, TestMessages.FILING_STATUS, status("RESULTS_RELEASED_AWAITING_FILING",
                "results released 2026-07-23 (8-K 0009900002-26-000061), awaiting the 10-Q/10-K", Instant.parse("2026-07-23T20:05:00Z")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .body("filing.status", is("RESULTS_RELEASED_AWAITING_FILING"))
                .body("filing.resultsRelease.accession", is("0009900002-26-000061"))
                .body("filing.resultsRelease.filed", is("2026-07-23"))
                .body("filing.lastFiling.accession", is("0009900002-26-000048"))
                .body("state", is("WATCH")));
        var withStatus = given().get("/api/verdicts/" + TICKER);
        assertNotEquals(etagWithoutStatus, withStatus.header("ETag"));
        given().get("/api/verdicts").then().body("find { it.ticker == '" + TICKER + "' }.filing.status",
                is("RESULTS_RELEASED_AWAITING_FILING"));

        // The next poll repeats the same status: same body, same ETag, a 304 for a dashboard that has it.
        TestMessages.send(bootstrap, mapper, TestMessages.FILING_STATUS, status("RESULTS_RELEASED_AWAITING_FILING",
                "results released 2026-07-23 (8-K 0009900002-26-000061), awaiting the 10-Q/10-K", Instant.parse("2026-07-23T20:06:00Z")));
        TestMessages.send(bootstrap, mapper, TestMessages.FILING_STATUS, new FilingStatus(FilingStatus.SCHEMA_VERSION, 9_900_003L, "OTHER", "UP_TO_DATE",
                "latest 10-Q imported", null, null, Instant.parse("2026-07-23T20:06:01Z")));
        Thread.sleep(1500);
        given().header("If-None-Match", withStatus.header("ETag")).get("/api/verdicts/" + TICKER).then().statusCode(304);
        assertEquals(withStatus.asString(), given().get("/api/verdicts/" + TICKER).asString());
    }

    private FilingStatus status(String status, String detail, Instant polledAt) {
        return new FilingStatus(FilingStatus.SCHEMA_VERSION, CIK, TICKER, status, detail, TEN_Q, EARNINGS_8K, polledAt);
    }
}
