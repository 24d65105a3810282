package io.capexwatch.ingest.messaging;

import io.capexwatch.ingest.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import reaches the real Kafka broker as a snapshot keyed by CIK. */
@QuarkusTest
class FundamentalsPublishingTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void importPublishesTheCompanysSnapshotKeyedByCik() {
        int revision = asAdmin().contentType(ContentType.JSON).body(Samples.alphabetCompanyFacts())
                .post("/api/imports").then().statusCode(200).extract().path("revision");

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            List<ConsumerRecord<String, String>> records = kafka.consumeStrings()
                    .fromTopics("capexwatch.fundamentals")
                    .awaitNextRecords(1, Duration.ofSeconds(20))
                    .getRecords();
            ConsumerRecord<String, String> record = records.stream()
                    .filter(r -> r.key().equals("1652044"))
                    .reduce((first, second) -> second).orElseThrow();
            JsonPath snapshot = JsonPath.from(record.value());
            assertEquals(1, snapshot.getInt("schemaVersion"));
            assertEquals(1652044, snapshot.getInt("cik"));
            assertEquals("GOOGL", snapshot.getString("ticker"));
            assertEquals(revision, snapshot.getInt("revision"));
            assertEquals(13, snapshot.getList("quarters").size());
            String q3 = "quarters.find { it.periodEnd == '2025-09-30' }.values";
            assertEquals(48_414_000_000L, snapshot.getLong(q3 + ".OPERATING_CASH_FLOW.value"));
            assertEquals(23_953_000_000L, snapshot.getLong(q3 + ".CAPEX.value"));
            assertEquals("0001652044-25-000091", snapshot.getString(q3 + ".CAPEX.provenance.filing.accession"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            int published = given().get("/api/companies").then().extract().path("find { it.ticker == 'GOOGL' }.publishedRevision");
            assertTrue(published >= revision, "published revision " + published + " < " + revision);
        });
    }

    /**
     * Each revision reaches Kafka once although the import's own publication and the outbox sweep (every 2 s
     * here) both look at it; the third revision, on the same partition, shows nothing else came first.
     */
    @Test
    void everyRevisionIsPublishedExactlyOnce() {
        asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"" + TICKER + "\", \"cik\": " + CIK + "}")
                .post("/api/companies").then().statusCode(201);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> topic = kafka.consumeStrings().fromTopics("capexwatch.fundamentals");
            List<Integer> revisions = new ArrayList<>();
            revisions.add(importRevision(Samples.alphabetCompanyFactsAs(CIK)));
            awaitPublished(revisions.getLast());
            revisions.add(importRevision(capexRestatement("0001652044-25-900011", 63_600_000_000L, "2025-12-01")));
            awaitPublished(revisions.getLast());
            revisions.add(importRevision(capexRestatement("0001652044-25-900012", 63_610_000_000L, "2025-12-02")));
            assertEquals(List.of(1, 2, 3), revisions);

            await().atMost(Duration.ofSeconds(20)).until(() -> sent(topic).contains(3));
            assertEquals(revisions, sent(topic));
            JsonPath last = topic.getRecords().stream().filter(r -> r.key().equals(Long.toString(CIK)))
                    .map(r -> JsonPath.from(r.value())).reduce((first, second) -> second).orElseThrow();
            assertEquals(List.of(23_967_000_000L, 27_837_000_000L), last.getList("changes.value", Long.class));
            topic.stop();
        } finally {
            awaitPublished(3);
            // Off the watchlist again (its data stays), so the watchlist tests see the default companies.
            asAdmin().delete("/api/companies/" + TICKER).then().statusCode(204);
        }
    }

    private static final long CIK = 9_900_032L;
    private static final String TICKER = "PUBONCE";

    private static int importRevision(byte[] document) {
        return asAdmin().contentType(ContentType.JSON).body(document).post("/api/imports").then().statusCode(200)
                .extract().path("revision");
    }

    private static List<Integer> sent(ConsumerTask<String, String> topic) {
        return topic.getRecords().stream().filter(r -> r.key().equals(Long.toString(CIK)))
                .map(r -> JsonPath.from(r.value()).getInt("revision")).toList();
    }

    private static void awaitPublished(int revision) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/companies").then()
                .body("find { it.ticker == '" + TICKER + "' }.publishedRevision", is(revision)));
    }

    /** A 10-Q/A restating the nine months' capex to 2025-09-30 (so Q3 and, through FY - 9M, Q4 change). */
    private static byte[] capexRestatement(String accession, long nineMonths, String filed) {
        return """
                {"cik": %d, "entityName": "ALPHABET INC.", "facts": {"us-gaap": {
                  "PaymentsToAcquirePropertyPlantAndEquipment": {"units": {"USD": [
                    {"start": "2025-01-01", "end": "2025-09-30", "val": %d, "accn": "%s",
                     "fy": 2025, "fp": "Q3", "form": "10-Q/A", "filed": "%s"}]}}}}}
                """.formatted(CIK, nineMonths, accession, filed).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
