package io.capexwatch.tracker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.tracker.AlphabetQuarters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fundamentals in on the real Kafka broker, metrics out, restatements recomputed, junk dead-lettered. */
@QuarkusTest
class FundamentalsToMetricsTest {
    private static final String Q3_2025 = "quarters.find { it.periodEnd == '2025-09-30' }";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void snapshotsBecomeMetricsAndARestatementIsRecomputedOnce() throws Exception {
        send(AlphabetQuarters.snapshot(100, AlphabetQuarters.quarters()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/companies/GOOGL/metrics")
                .then().statusCode(200).body(Q3_2025 + ".ttmFcf", equalTo(73_552_000_000L)));
        int revision = given().get("/api/companies/GOOGL/metrics").then()
                .body(Q3_2025 + ".fcf", equalTo(24_461_000_000L))
                .body(Q3_2025 + ".ttmOcf", equalTo(151_424_000_000L))
                .body(Q3_2025 + ".ttmCapexToOcf", is(0.5143f))
                .body(Q3_2025 + ".capexSource.filing.accession", is("0001652044-25-000091"))
                .extract().path("revision");
        awaitPublished(revision);

        // The same snapshot again (a redelivery) and an older one change nothing.
        send(AlphabetQuarters.snapshot(100, AlphabetQuarters.quarters()));
        send(AlphabetQuarters.snapshot(99, AlphabetQuarters.quarters()));

        // A 10-Q/A restates Q3 2025 capex up by 1,000,000 USD.
        List<FiscalQuarterFundamentals> restated = new ArrayList<>(AlphabetQuarters.quarters());
        Filing amendment = new Filing("0001652044-25-000099", "10-Q/A", LocalDate.parse("2025-11-20"));
        restated.replaceAll(q -> q.periodEnd().equals(LocalDate.parse("2025-09-30"))
                ? AlphabetQuarters.quarter(q.periodEnd(), 48_414_000_000L, 23_954_000_000L, amendment) : q);
        send(AlphabetQuarters.snapshot(101, restated));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/companies/GOOGL/metrics")
                .then().body(Q3_2025 + ".ttmFcf", equalTo(73_551_000_000L))
                .body("revision", is(revision + 1)));
        given().get("/api/companies/GOOGL/metrics").then()
                .body(Q3_2025 + ".fcf", equalTo(24_460_000_000L))
                .body(Q3_2025 + ".latestFiling.form", is("10-Q/A"))
                .body("quarters.find { it.periodEnd == '2025-12-31' }.ttmFcf", equalTo(73_265_000_000L));

        JsonPath published = awaitPublished(revision + 1);
        assertEquals(1, published.getInt("schemaVersion"));
        assertEquals(101, published.getInt("fundamentalsRevision"));
        assertEquals(73_551_000_000L, published.getLong(Q3_2025 + ".ttmFcf"));
    }

    @Test
    void unreadableAndUnknownVersionPayloadsGoToTheDeadLetterTopic() {
        kafka.produceStrings().fromRecords(
                new ProducerRecord<>("capexwatch.fundamentals", "1652044", "{not json"),
                new ProducerRecord<>("capexwatch.fundamentals", "1652044", "{\"schemaVersion\": 99, \"cik\": 1652044}"));
        List<ConsumerRecord<String, String>> dead = kafka.consumeStrings()
                .fromTopics("capexwatch.fundamentals.dlq", 2)
                .awaitCompletion(Duration.ofSeconds(20))
                .getRecords();
        assertEquals("{not json", dead.get(0).value());
        assertTrue(new String(dead.get(1).headers().lastHeader("dead-letter-reason").value()).contains("unknown schemaVersion 99"));
    }

    private void send(Object snapshot) throws Exception {
        kafka.produceStrings().fromRecords(new ProducerRecord<>("capexwatch.fundamentals",
                Long.toString(AlphabetQuarters.CIK), mapper.writeValueAsString(snapshot))).awaitCompletion();
    }

    private JsonPath awaitPublished(int revision) {
        List<JsonPath> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            kafka.consumeStrings().fromTopics("capexwatch.metrics")
                    .awaitNextRecords(1, Duration.ofSeconds(5))
                    .getRecords().stream()
                    .filter(r -> r.key().equals("1652044"))
                    .map(r -> JsonPath.from(r.value()))
                    .filter(json -> json.getInt("revision") == revision)
                    .forEach(found::add);
            return !found.isEmpty();
        });
        return found.getFirst();
    }
}
