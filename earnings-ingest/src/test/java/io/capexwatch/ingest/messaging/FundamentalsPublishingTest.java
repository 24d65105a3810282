package io.capexwatch.ingest.messaging;

import io.capexwatch.ingest.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
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
        int published = given().get("/api/companies").then().extract().path("find { it.ticker == 'GOOGL' }.publishedRevision");
        assertTrue(published >= revision, "published revision " + published + " < " + revision);
    }
}
