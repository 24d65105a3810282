package io.capexwatch.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.capexwatch.ingest.Documents;
import io.capexwatch.localinfra.LocalInfraTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ten 10-Q/A amendments of one company posted at once, each restating a different quarter's capex by +$1:
 * imports of one company serialize, so each gets its own revision, the result equals the same amendments
 * imported one by one, and the last snapshot on Kafka carries exactly what is stored.
 */
@QuarkusTest
class ConcurrentImportsTest {
    private static final int AMENDMENTS = 10;

    @TestHTTPResource("/api/imports")
    URI imports;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void parallelAmendmentsOfOneCompanyEachGetTheirOwnRevision() throws Exception {
        long parallelCik = 9_000_011L;
        long sequentialCik = 9_000_012L;
        Documents.watch("PARA", parallelCik);
        Documents.watch("SEQA", sequentialCik);
        JsonNode base = importBase(parallelCik, "PARA");
        importBase(sequentialCik, "SEQA");
        long baseRevision = revision("PARA");

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> snapshots = kafka.consumeStrings().fromTopics("capexwatch.fundamentals");

            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int k = 0; k < AMENDMENTS; k++) {
                answers.add(http.sendAsync(HttpRequest.newBuilder(imports)
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", LocalInfraTestResource.ADMIN.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(amendment(parallelCik, base, k)))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            Set<Long> revisions = new TreeSet<>();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.join();
                assertEquals(200, response.statusCode(), response.body());
                JsonNode result = Documents.read(response.body());
                // A Q1 restatement also moves Q2 (6M - 3M) until Q2's own restatement lands.
                assertTrue(result.path("valuesChanged").asInt() >= 1, response.body());
                revisions.add(result.path("revision").asLong());
            }
            // One import, one revision: ten distinct revisions right after the base one.
            assertEquals(LongStream.rangeClosed(baseRevision + 1, baseRevision + AMENDMENTS).boxed().toList(),
                    List.copyOf(revisions));
            assertEquals(baseRevision + AMENDMENTS, revision("PARA"));

            for (int k = 0; k < AMENDMENTS; k++) {
                asAdmin().contentType(ContentType.JSON).body(amendment(sequentialCik, base, k))
                        .post("/api/imports").then().statusCode(200);
            }
            JsonNode parallel = fundamentals("PARA");
            JsonNode sequential = fundamentals("SEQA");
            assertEquals(sequential, parallel);
            for (int k = 0; k < base.size(); k++) {
                long before = base.get(k).path("values").path("CAPEX").path("value").asLong();
                long expected = k < AMENDMENTS ? before + 1 : before;
                assertEquals(expected, parallel.get(k).path("values").path("CAPEX").path("value").asLong(),
                        base.get(k).path("periodEnd").asText());
            }

            // The newest snapshot on Kafka is the final revision and exactly the stored quarters.
            long finalRevision = baseRevision + AMENDMENTS;
            await().atMost(Duration.ofSeconds(30)).until(() -> newest(snapshots, parallelCik)
                    .map(s -> s.path("revision").asLong() == finalRevision).orElse(false));
            JsonNode newest = newest(snapshots, parallelCik).orElseThrow();
            assertEquals(parallel, newest.path("quarters"));
        }
    }

    /**
     * Quarter {@code k} of the base state restated by +$1 in a 10-Q/A of its own, as a reported 3-month figure
     * (for a fiscal Q1 that is the 3M year-to-date period, which Q2 is derived from; quarters 0-9 include each
     * such Q2, so in the end every one of them is exactly +$1).
     */
    private static byte[] amendment(long cik, JsonNode base, int k) {
        JsonNode quarter = base.get(k);
        long capex = quarter.path("values").path("CAPEX").path("value").asLong();
        return Documents.oneFact(cik, Documents.CAPEX, quarter.path("periodStart").asText(),
                quarter.path("periodEnd").asText(), Long.toString(capex + 1), "0009000011-26-%06d".formatted(100 + k),
                "10-Q/A", "2026-06-%02d".formatted(1 + k), 2026);
    }

    private static JsonNode importBase(long cik, String ticker) {
        asAdmin().contentType(ContentType.JSON).body(Documents.alphabetAs(cik, Set.of()))
                .post("/api/imports").then().statusCode(200);
        JsonNode quarters = fundamentals(ticker);
        assertEquals(13, quarters.size());
        return quarters;
    }

    private static JsonNode fundamentals(String ticker) {
        return Documents.read(given().get("/api/companies/" + ticker + "/fundamentals").then().statusCode(200)
                .extract().asString());
    }

    private static long revision(String ticker) {
        return given().get("/api/companies").then().extract().<Integer>path("find { it.ticker == '" + ticker + "' }.revision");
    }

    /** The snapshot with the highest revision (an older one sent late may follow it on the topic). */
    private static Optional<JsonNode> newest(ConsumerTask<String, String> records, long cik) {
        return records.getRecords().stream()
                .filter(r -> r.key().equals(Long.toString(cik)))
                .map(r -> Documents.read(r.value()))
                .max(Comparator.comparingLong(s -> s.path("revision").asLong()));
    }
}
