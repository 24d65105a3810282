package io.capexwatch.ingest.edgar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.ingest.Samples;
import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.repository.PollerLeaseRepository;
import io.capexwatch.ingest.service.EdgarPoller;
import io.capexwatch.localinfra.EdgarStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polling over real HTTP against a local EDGAR stub: our own submissions fixtures for Alphabet and Meta,
 * and the real Microsoft and NVIDIA submissions from ../shared/edgar where present.
 */
@QuarkusTest
@WithTestResource(value = EdgarStubResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgarPollingTest {
    private static final String GOOGL_SUBMISSIONS = "/submissions/CIK0001652044.json";
    private static final String GOOGL_FACTS = "/api/xbrl/companyfacts/CIK0001652044.json";
    private static final String MSFT_SUBMISSIONS = "/submissions/CIK0000789019.json";
    private static final String NVDA_SUBMISSIONS = "/submissions/CIK0001045810.json";

    @Inject
    EdgarPoller poller;

    @Inject
    PollerLeaseRepository lease;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void documents() throws IOException {
        EdgarStub stub = EdgarStubResource.stub();
        stub.serve(GOOGL_SUBMISSIONS, resource("edgar/submissions_GOOGL.json"));
        stub.serve(GOOGL_FACTS, Samples.alphabetCompanyFacts());
        stub.serve("/submissions/CIK0001326801.json", resource("edgar/submissions_META.json"));
        // Meta's latest 10-Q is in companyfacts with its cover page only (no figure capex-watch tracks).
        stub.serve("/api/xbrl/companyfacts/CIK0001326801.json", """
                {"cik": 1326801, "entityName": "Meta Platforms, Inc.", "facts": {"dei": {"EntityCommonStockSharesOutstanding":
                  {"units": {"shares": [{"end": "2026-04-24", "val": 2520000000, "accn": "0001326801-26-000020", "fy": 2026,
                    "fp": "Q1", "form": "10-Q", "filed": "2026-04-30"}]}}}}}
                """.getBytes());
    }

    @Test
    @Order(1)
    void aPollImportsNewFilingsWithinFairAccessAndMarksReleasedResults() throws Throwable {
        EdgarStub stub = EdgarStubResource.stub();
        boolean sharedFiles = Files.isReadable(SharedEdgarFiles.dir().resolve("submissions_CIK0000789019.json"));
        if (sharedFiles) {
            stub.serve(MSFT_SUBMISSIONS, Files.readAllBytes(SharedEdgarFiles.dir().resolve("submissions_CIK0000789019.json")));
            stub.serve(NVDA_SUBMISSIONS, Files.readAllBytes(SharedEdgarFiles.dir().resolve("submissions_CIK0001045810.json")));
            stub.failFirst(MSFT_SUBMISSIONS, 429, 503);
            // NVIDIA's companyfacts comes back truncated: rejected, nothing stored.
            stub.serve("/api/xbrl/companyfacts/CIK0001045810.json", "{\"cik\": 1045810, \"facts\": {\"us-gaap\": {".getBytes());
        }

        assertTrue(VertxContextSupport.subscribeAndAwait(() -> poller.pollIfLeader()));

        given().get("/api/companies").then().statusCode(200)
                .body("find { it.ticker == 'GOOGL' }.status", is("UP_TO_DATE"))
                .body("find { it.ticker == 'GOOGL' }.lastFiling.accession", is("0001652044-26-000048"))
                .body("find { it.ticker == 'GOOGL' }.lastFiling.form", is("10-Q"))
                .body("find { it.ticker == 'GOOGL' }.lastResultsRelease.accession", is("0001652044-26-000045"))
                .body("find { it.ticker == 'META' }.status", is("RESULTS_RELEASED_AWAITING_FILING"))
                .body("find { it.ticker == 'META' }.statusDetail",
                        is("results released 2026-07-29 (8-K 0001326801-26-000031), awaiting the 10-Q/10-K"))
                .body("find { it.ticker == 'ORCL' }.status", is("POLL_FAILED"))
                .body("find { it.ticker == 'ORCL' }.statusDetail", containsString("EDGAR answered 404"));
        given().get("/api/companies/GOOGL/fundamentals").then()
                .body("find { it.periodEnd == '2025-09-30' }.values.CAPEX.value", is(23_953_000_000L));

        // Each company's status went to verdict-api's topic, Meta's earnings release included.
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            JsonNode meta = kafka.consumeStrings().fromTopics("capexwatch.filing-status")
                    .awaitRecords(7, Duration.ofSeconds(20)).getRecords().stream()
                    .filter(r -> r.key().equals("1326801"))
                    .map(r -> readTree(r.value()))
                    .reduce((first, second) -> second).orElseThrow();
            assertEquals("META", meta.path("ticker").asText());
            assertEquals("RESULTS_RELEASED_AWAITING_FILING", meta.path("status").asText());
            assertEquals("0001326801-26-000031", meta.path("resultsRelease").path("accession").asText());
            assertEquals("2026-07-29", meta.path("resultsRelease").path("filed").asText());
        }

        EdgarStub.Request first = stub.requests(GOOGL_SUBMISSIONS).getFirst();
        assertEquals(EdgarStubResource.USER_AGENT, first.header("User-Agent"));
        assertTrue(first.header("Accept-Encoding").contains("gzip"));
        assertEquals(1, stub.requests(GOOGL_FACTS).size());

        if (sharedFiles) {
            assertEquals(List.of(429, 503, 200), stub.requests(MSFT_SUBMISSIONS).stream().map(EdgarStub.Request::status).toList());
            // Microsoft's submissions came through after two retries; its companyfacts is not served, so the
            // new 10-Q is not marked processed and the next poll tries again.
            given().get("/api/companies").then()
                    .body("find { it.ticker == 'MSFT' }.lastFiling", is((Object) null))
                    .body("find { it.ticker == 'MSFT' }.status", is("POLL_FAILED"))
                    .body("find { it.ticker == 'MSFT' }.statusDetail",
                            containsString("EDGAR answered 404 for " + stub.baseUrl() + "/api/xbrl/companyfacts/CIK0000789019.json"))
                    .body("find { it.ticker == 'NVDA' }.status", is("POLL_FAILED"))
                    .body("find { it.ticker == 'NVDA' }.statusDetail", containsString("rejected: not valid JSON"));
            given().get("/api/companies/NVDA/fundamentals").then().body("size()", is(0));
            given().get("/q/metrics").then()
                    .body(containsString("capexwatch_edgar_rejected_documents_total 1.0"))
                    .body(containsString("capexwatch_edgar_failures_total{reason=\"http_429\"}"));
        }

        // Never faster than the configured 5 requests per second across all companies, retries included:
        // n requests span at least (n - 1) x 200 ms, less one request's worth of network jitter.
        List<EdgarStub.Request> all = stub.requests();
        long span = all.getLast().nanos() - all.getFirst().nanos();
        // GOOGL and META: submissions and companyfacts; the other five: submissions (404); with the shared
        // files MSFT's two retries and NVIDIA's companyfacts on top.
        assertTrue(all.size() >= (sharedFiles ? 12 : 9), "requests: " + all.size());
        assertTrue(span >= Duration.ofMillis(200L * (all.size() - 2)).toNanos(),
                all.size() + " requests in " + span / 1_000_000 + " ms");
    }

    @Test
    @Order(2)
    void anUnchangedSubmissionsDocumentCostsNothing() throws Throwable {
        EdgarStub stub = EdgarStubResource.stub();
        int factsBefore = stub.requests(GOOGL_FACTS).size();
        VertxContextSupport.subscribeAndAwait(() -> poller.pollIfLeader());
        List<EdgarStub.Request> googl = stub.requests(GOOGL_SUBMISSIONS);
        EdgarStub.Request last = googl.getLast();
        assertEquals(304, last.status());
        assertTrue(last.header("If-None-Match") != null);
        assertEquals(factsBefore, stub.requests(GOOGL_FACTS).size());
    }

    @Test
    @Order(3)
    void onlyOneReplicaHoldsThePollingLease() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> poller.pollIfLeader());
        assertFalse(VertxContextSupport.subscribeAndAwait(() -> lease.tryAcquire("edgar", "another-replica", Duration.ofMinutes(5))));
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EdgarPollingTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
