package io.capexwatch.verdict.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/verdicts?view=summary}: a real verdict (Alphabet's series through Kafka, PostgreSQL and
 * Redis) and a real EDGAR status, summarised field by field; gzip, ETag and 304 as for the full list.
 */
@QuarkusTest
class VerdictSummaryTest {
    private static final long CIK = 9_900_120L;
    private static final String TICKER = "SUMM";
    private static final Filing TEN_Q = new Filing("0009900120-26-000048", "10-Q", LocalDate.parse("2026-04-30"));
    private static final Filing EARNINGS_8K = new Filing("0009900120-26-000061", "8-K", LocalDate.parse("2026-07-23"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Test
    void oneCompactLinePerCompanyWithStateRatiosAndFiling() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        TestMessages.send(bootstrap, mapper, TestMessages.FILING_STATUS, new FilingStatus(FilingStatus.SCHEMA_VERSION, CIK,
                TICKER, "RESULTS_RELEASED_AWAITING_FILING", "results released, awaiting the 10-Q", TEN_Q, EARNINGS_8K,
                Instant.parse("2026-07-23T20:05:00Z")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts?view=summary").then()
                .statusCode(200)
                .body("find { it.ticker == '" + TICKER + "' }.filing.status", is("RESULTS_RELEASED_AWAITING_FILING")));

        JsonNode full = mapper.readTree(given().get("/api/verdicts/" + TICKER).asByteArray());
        JsonNode line = line(mapper.readTree(given().get("/api/verdicts?view=summary").asByteArray()));
        assertEquals(List.of("ticker", "entityName", "state", "previousState", "stateSince", "fiscalYear", "fiscalQuarter",
                "periodEnd", "ttmCapexToOcf", "ttmFcf", "capexToOcf", "fcf", "basedOn", "filing", "evaluatedAt"), names(line));
        assertEquals("SUMM TEST CO", line.get("entityName").asText());
        assertEquals("WATCH", line.get("state").asText());
        assertTrue(line.get("previousState").isNull());
        assertEquals(full.get("stateSince"), line.get("stateSince"));
        assertEquals(2026, line.get("fiscalYear").asInt());
        assertEquals(1, line.get("fiscalQuarter").asInt());
        assertEquals("2026-03-31", line.get("periodEnd").asText());
        // 2026 Q1: TTM capex 109,924 M / TTM OCF 174,353 M; TTM FCF = OCF - capex; the quarter 35,674 / 45,790.
        assertEquals("0.6305", line.get("ttmCapexToOcf").decimalValue().toPlainString());
        assertEquals(64_429_000_000L, line.get("ttmFcf").asLong());
        assertEquals("0.7791", line.get("capexToOcf").decimalValue().toPlainString());
        assertEquals(10_116_000_000L, line.get("fcf").asLong());
        assertEquals(full.get("basedOn"), line.get("basedOn"));
        assertEquals("0001652044-26-000048", line.get("basedOn").get("accession").asText());
        assertEquals(List.of("status", "resultsRelease", "since"), names(line.get("filing")));
        assertEquals("0009900120-26-000061", line.get("filing").get("resultsRelease").get("accession").asText());
        assertEquals(full.get("filing").get("since"), line.get("filing").get("since"));
        assertEquals(full.get("evaluatedAt"), line.get("evaluatedAt"));

        // Pre-encoded: the gzip variant decodes to the identity bytes; one strong ETag for both; 304 without a body.
        var identity = raw().get("/api/verdicts?view=summary").then().header("Content-Encoding", is((Object) null)).extract();
        var gzipped = raw().header("Accept-Encoding", "gzip, deflate, br, zstd").get("/api/verdicts?view=summary").then()
                .statusCode(200).header("Content-Encoding", is("gzip")).header("ETag", is(identity.header("ETag")))
                .extract();
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.asByteArray()))) {
            assertArrayEquals(identity.asByteArray(), in.readAllBytes());
        }
        assertNotEquals(identity.header("ETag"), given().get("/api/verdicts").header("ETag"));
        given().header("If-None-Match", identity.header("ETag")).get("/api/verdicts?view=summary").then()
                .statusCode(304).body(is(emptyString()));
        assertTrue(identity.asByteArray().length * 4 < given().get("/api/verdicts").asByteArray().length,
                "the summary is a fraction of the full list");

        // A status change changes the summary (and its ETag), not only the full verdict.
        TestMessages.send(bootstrap, mapper, TestMessages.FILING_STATUS, new FilingStatus(FilingStatus.SCHEMA_VERSION, CIK,
                TICKER, "UP_TO_DATE", "latest 10-Q imported", TEN_Q, null, Instant.parse("2026-07-30T20:05:00Z")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts?view=summary").then()
                .body("find { it.ticker == '" + TICKER + "' }.filing.status", is("UP_TO_DATE"))
                .body("find { it.ticker == '" + TICKER + "' }.filing.resultsRelease", is((Object) null)));
        given().header("If-None-Match", identity.header("ETag")).get("/api/verdicts?view=summary").then().statusCode(200);
    }

    /** Without REST Assured's own Accept-Encoding and decoding: the bytes as sent. */
    private static io.restassured.specification.RequestSpecification raw() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    private static JsonNode line(JsonNode summary) {
        for (JsonNode line : summary) {
            if (line.path("ticker").asText().equals(TICKER)) {
                return line;
            }
        }
        throw new AssertionError("no summary line for " + TICKER + ": " + summary);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
