package io.capexwatch.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capexwatch.localinfra.launch.CapexWatchSystem;
import io.capexwatch.localinfra.launch.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka broker is down while a filing is imported (issue 10, item 4): the import must answer at once and
 * store the quarters (the outbox sends after commit, outside the request), and once the broker is back the
 * change reaches verdict-api exactly once. The real broker is stopped and started again on the same port and
 * data, so every client reconnects to the address it knows. Amazon is imported first with the broker up, so the
 * topics exist and the producers know them, as in production.
 */
class BrokerOutageEndToEndIT {
    private static final Path ALPHABET = Path.of("samples", "companyfacts", "CIK0001652044.json");
    private static final Path AMAZON = Path.of("samples", "companyfacts", "CIK0001018724.json");
    /** Long enough to tell "slow" from "never" on today's code, short enough for CI. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(30);
    private static final String Q1_2026 = "find { it.periodEnd == '2026-03-31' }";
    private static final String Q3_2025 = "quarters.find { it.periodEnd == '2025-09-30' }";

    private static CapexWatchSystem system;
    private static Path root;

    @BeforeAll
    static void start() {
        root = Path.of(System.getProperty("capexwatch.project.root", ".."));
        system = CapexWatchSystem.start(root, null, Path.of("target", "e2e-logs", "broker-outage"), Map.of(),
                CapexWatchSystem.freePorts());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anImportDuringABrokerOutageAnswersAtOnceAndItsVerdictArrivesOnceTheBrokerIsBack() throws Exception {
        SoftChecks checks = new SoftChecks();
        String ingest = system.url(Service.EARNINGS_INGEST);
        String verdicts = system.url(Service.VERDICT_API);
        // Amazon first, with the broker up: the topics exist and the producers know them, as in production.
        assertEquals(200, importDocument(Files.readAllBytes(root.resolve(AMAZON)), Duration.ofSeconds(60)).statusCode());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(verdicts).get("/api/verdicts/AMZN").then().statusCode(200).body("periodEnd", is("2026-03-31")));

        system.infrastructure().stopKafka();
        long start = System.nanoTime();
        HttpResponse<String> response = importDocument(Files.readAllBytes(root.resolve(ALPHABET)), IMPORT_TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("import during the broker outage: " + (response == null ? "no answer within " + IMPORT_TIMEOUT
                : "HTTP " + response.statusCode() + " after " + took.toMillis() + " ms: " + response.body()));

        checks.check("import answered 200 during the broker outage", () -> {
            assertNotNull(response, "no answer within " + IMPORT_TIMEOUT.toSeconds() + " s");
            assertEquals(200, response.statusCode(), response.body());
        });
        checks.check("import answered within 2 s during the broker outage", () ->
                assertTrue(took.compareTo(Duration.ofSeconds(2)) <= 0, "answered after " + took.toMillis() + " ms"
                        + (response == null ? " (no answer: the client gave up)" : "")));
        checks.check("quarters stored in earnings-ingest during the outage", () ->
                given().baseUri(ingest).get("/api/companies/GOOGL/fundamentals").then().statusCode(200)
                        .body(Q1_2026 + ".values.OPERATING_CASH_FLOW.value", equalTo(45_790_000_000L))
                        .body(Q1_2026 + ".values.CAPEX.value", equalTo(35_674_000_000L))
                        .body(Q1_2026 + ".values.CAPEX.provenance.filing.accession", is("0001652044-26-000048"))
                        .body("find { it.periodEnd == '2025-09-30' }.values.CAPEX.value", equalTo(23_953_000_000L)));
        checks.check("GOOGL at revision 1, not yet published, during the outage", () ->
                given().baseUri(ingest).get("/api/companies").then().statusCode(200)
                        .body("find { it.ticker == 'GOOGL' }.revision", is(1))
                        .body("find { it.ticker == 'GOOGL' }.publishedRevision", is(0)));

        system.infrastructure().startKafka();
        long restarted = System.nanoTime();
        boolean arrived = checks.check("verdict for GOOGL arrives after the broker is back", () ->
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        given().baseUri(verdicts).get("/api/verdicts/GOOGL").then().statusCode(200)
                                .body("periodEnd", is("2026-03-31"))
                                .body("basedOn.accession", is("0001652044-26-000048"))
                                .body(Q3_2025 + ".fcf", equalTo(24_461_000_000L))
                                .body(Q3_2025 + ".ttmFcf", equalTo(73_552_000_000L))));
        if (arrived) {
            System.out.println("GOOGL verdict arrived " + Duration.ofNanos(System.nanoTime() - restarted).toMillis()
                    + " ms after the broker was back");
        }
        checks.check("earnings-ingest marks GOOGL's revision 1 published", () ->
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        given().baseUri(ingest).get("/api/companies").then()
                                .body("find { it.ticker == 'GOOGL' }.revision", is(1))
                                .body("find { it.ticker == 'GOOGL' }.publishedRevision", is(1))));

        // A positive marker: an Amazon restatement goes through the same topics after Alphabet's change was
        // marked published; once its verdict is there, a resend of Alphabet's change would have arrived too.
        checks.check("marker import (an AMZN 10-Q/A) answered 200", () ->
                assertEquals(200, importDocument(amazonRestatement(), Duration.ofSeconds(60)).statusCode()));
        checks.check("marker verdict (AMZN, second evaluation) arrives", () -> await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(verdicts).get("/api/verdicts/AMZN/history").then().statusCode(200).body("size()", is(2))));
        checks.check("GOOGL evaluated exactly once (history of one, metrics revision 1)", () ->
                given().baseUri(verdicts).get("/api/verdicts/GOOGL/history").then().statusCode(200)
                        .body("size()", is(1))
                        .body("[0].metricsRevision", is(1)));
        checks.check("capex-tracker holds one metrics revision for GOOGL", () ->
                given().baseUri(system.url(Service.CAPEX_TRACKER)).get("/api/companies/GOOGL/metrics/revisions").then()
                        .statusCode(200).body("size()", is(1)));

        System.out.println("broker outage checks:\n" + checks.report());
        checks.assertAllPassed();
    }

    /** @return the answer, or null when none came within {@code timeout} */
    private static HttpResponse<String> importDocument(byte[] document, Duration timeout) throws IOException, InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(system.url(Service.EARNINGS_INGEST) + "/api/imports"))
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", system.admin().apiKey())
                    .timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return null;
        }
    }

    /** Amazon's sample plus a test-made 10-Q/A (invented accession) restating Q1 2026 capex by +$1,000,000. */
    private static byte[] amazonRestatement() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = (ObjectNode) json.readTree(root.resolve(AMAZON).toFile());
        ArrayNode capex = (ArrayNode) document.path("facts").path("us-gaap").path("PaymentsToAcquireProductiveAssets").path("units").path("USD");
        ObjectNode restated = null;
        for (var fact : capex) {
            if (fact.path("end").asText().equals("2026-03-31")) {
                restated = ((ObjectNode) fact).deepCopy();
            }
        }
        assertNotNull(restated, "Amazon's sample has Q1 2026 capex");
        restated.put("val", restated.path("val").asLong() + 1_000_000L);
        restated.put("accn", "0001018724-26-999901");
        restated.put("form", "10-Q/A");
        restated.put("filed", "2026-05-15");
        capex.add(restated);
        return json.writeValueAsBytes(document);
    }
}
