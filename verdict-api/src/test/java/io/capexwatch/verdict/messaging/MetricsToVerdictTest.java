package io.capexwatch.verdict.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.verdict.AlphabetMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Metrics in on the real Kafka broker, verdicts out through PostgreSQL and Redis. */
@QuarkusTest
class MetricsToVerdictTest {
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
    void aMetricsSnapshotBecomesAnExplainedVerdictAndDuplicatesChangeNothing() throws Exception {
        // 2024 alone first: no year-ago TTM, INSUFFICIENT_DATA; then the full series arrives: WATCH.
        send(AlphabetMetrics.snapshot(10, AlphabetMetrics.quarters().subList(0, 4)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/GOOGL")
                .then().statusCode(200).body("state", is("INSUFFICIENT_DATA")));
        send(AlphabetMetrics.snapshot(11, AlphabetMetrics.quarters()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/googl")
                .then().statusCode(200).body("state", is("WATCH")));

        String q3 = "quarters.find { it.periodEnd == '2025-09-30' }";
        given().get("/api/verdicts/GOOGL").then()
                .contentType("application/json")
                .body("cik", is(1652044))
                .body("entityName", is("ALPHABET INC."))
                .body("fiscalYear", is(2026))
                .body("fiscalQuarter", is(1))
                .body("periodEnd", is("2026-03-31"))
                .body("basedOn.accession", is("0001652044-26-000048"))
                .body("previousState", is("INSUFFICIENT_DATA"))
                .body("stateReason", nullValue())
                // Alphabet's figures here carry no commitments: that rule is not assessed, and says so.
                .body("dataQualityFlags", equalTo(List.of("NOT_ASSESSED:commitments-overhang")))
                .body("rules.assessed", equalTo(List.of(true, true, true, true, true, true, true, false)))
                .body("metricsRevision", is(11))
                .body("rules.rule", equalTo(List.of("capex-intensity", "free-cash-flow", "cash-engine",
                        "monetization-pace", "payback", "depreciation-drag", "debt-funded-build-out", "commitments-overhang")))
                .body("rules.outcome", equalTo(List.of("WATCH", "OK", "OK", "WATCH", "OK", "WATCH", "OK", "NOT_ASSESSED")))
                .body("rules[0].inputs.ttmCapex", equalTo(109_924_000_000L))
                .body("rules[4].inputs.incrementalReturn", is(0.7234f))
                .body("quarters.size()", is(9))
                .body(q3 + ".fcf", equalTo(24_461_000_000L))
                .body(q3 + ".ttmFcf", equalTo(73_552_000_000L));

        given().get("/api/verdicts").then().statusCode(200)
                .body("find { it.ticker == 'GOOGL' }.state", is("WATCH"));

        // A redelivery and an older revision change nothing: still two evaluations in the history.
        send(AlphabetMetrics.snapshot(11, AlphabetMetrics.quarters()));
        send(AlphabetMetrics.snapshot(9, AlphabetMetrics.quarters().subList(0, 4)));
        send(AlphabetMetrics.snapshot(12, AlphabetMetrics.quarters()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/GOOGL/history")
                .then().body("metricsRevision", equalTo(List.of(12, 11, 10))));
        given().get("/api/verdicts/GOOGL/history").then()
                .body("state", equalTo(List.of("WATCH", "WATCH", "INSUFFICIENT_DATA")))
                .body("[0].previousState", is("INSUFFICIENT_DATA"))
                .body("[0].stateSince", equalTo(given().get("/api/verdicts/GOOGL/history").path("[1].stateSince")));
    }

    @Test
    void unreadablePayloadsGoToTheDeadLetterTopic() {
        kafka.produceStrings().fromRecords(new ProducerRecord<>("capexwatch.metrics", "1652044", "[]"));
        List<ConsumerRecord<String, String>> dead = kafka.consumeStrings()
                .fromTopics("capexwatch.metrics.dlq", 1)
                .awaitCompletion(Duration.ofSeconds(20))
                .getRecords();
        assertEquals("[]", dead.getFirst().value());
    }

    private void send(Object snapshot) throws Exception {
        kafka.produceStrings().fromRecords(new ProducerRecord<>("capexwatch.metrics",
                Long.toString(AlphabetMetrics.CIK), mapper.writeValueAsString(snapshot))).awaitCompletion();
    }
}
