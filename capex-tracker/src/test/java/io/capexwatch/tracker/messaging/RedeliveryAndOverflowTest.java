package io.capexwatch.tracker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.tracker.AlphabetQuarters;
import io.capexwatch.tracker.service.MetricsService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What used to dead-letter valid snapshots: a redelivery, two applies of one snapshot at once (two replicas
 * during a rebalance) and a ratio too large for its column. Each is applied once, stored, never dead-lettered.
 */
@QuarkusTest
class RedeliveryAndOverflowTest {
    private static final String Q3_2025 = "quarters.find { it.periodEnd == '2025-09-30' }";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    MetricsService metrics;

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
    void aRedeliveredSnapshotMakesOneMetricsRevisionAndNothingIsDeadLettered() throws Exception {
        long cik = 9_900_042L;
        FundamentalsSnapshot snapshot = AlphabetQuarters.snapshotAs(cik, "REDLVR", 1, AlphabetQuarters.quarters());
        send(snapshot);
        send(snapshot);
        send(snapshot);

        DeadLetters.assertOnlyTheUnreadableMarker(kafka, cik);
        given().get("/api/companies/REDLVR/metrics/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(1)))
                .body("fundamentalsRevision", equalTo(List.of(1)));
        given().get("/api/companies/REDLVR/metrics").then().statusCode(200)
                .body(Q3_2025 + ".ttmFcf", equalTo(73_552_000_000L));
    }

    @Test
    void twoConcurrentAppliesOfOneSnapshotApplyItOnce() throws Exception {
        long cik = 9_900_043L;
        List<FiscalQuarterFundamentals> original = AlphabetQuarters.quarters();
        // A company seen for the first time (both would insert its row) ...
        assertEquals(List.of(false, true), appliedConcurrently(AlphabetQuarters.snapshotAs(cik, "CONCUR", 1, original)));
        // ... and a restatement of a known one (both would add the same revision and quarter rows).
        List<FiscalQuarterFundamentals> restated = new ArrayList<>(original);
        Filing amendment = new Filing("0001652044-25-000099", "10-Q/A", LocalDate.parse("2025-11-20"));
        restated.replaceAll(q -> q.periodEnd().equals(LocalDate.parse("2025-09-30"))
                ? AlphabetQuarters.quarter(q.periodEnd(), 48_414_000_000L, 23_954_000_000L, amendment) : q);
        restated.add(AlphabetQuarters.quarter(LocalDate.parse("2026-06-30"), 50_000_000_000L, 40_000_000_000L,
                new Filing("0001652044-26-000070", "10-Q", LocalDate.parse("2026-07-24"))));
        assertEquals(List.of(false, true), appliedConcurrently(AlphabetQuarters.snapshotAs(cik, "CONCUR", 2, restated)));

        given().get("/api/companies/CONCUR/metrics/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(2, 1)))
                .body("fundamentalsRevision", equalTo(List.of(2, 1)));
        given().get("/api/companies/CONCUR/metrics").then().statusCode(200)
                .body("revision", is(2))
                .body("quarters.size()", is(10))
                .body(Q3_2025 + ".fcf", equalTo(24_460_000_000L))
                .body(Q3_2025 + ".ttmFcf", equalTo(73_551_000_000L))
                .body("quarters.find { it.periodEnd == '2026-06-30' }.fcf", equalTo(10_000_000_000L));
    }

    @Test
    void aRatioOverAOneDollarCashFlowIsStoredAndNotDeadLettered() throws Exception {
        long cik = 9_900_044L;
        long trillion = 1_000_000_000_000L;
        List<FiscalQuarterFundamentals> quarters = new ArrayList<>();
        for (String end : List.of("2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31")) {
            quarters.add(AlphabetQuarters.quarter(LocalDate.parse(end), 1L, trillion,
                    new Filing("0009900044-26-000001", "10-K", LocalDate.parse("2026-02-05"))));
        }
        send(AlphabetQuarters.snapshotAs(cik, "EXTRM", 1, quarters));

        RestAssuredConfig exact = RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        String q4 = "quarters.find { it.periodEnd == '2025-12-31' }";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/companies/EXTRM/metrics")
                .then().statusCode(200).body("revision", is(1)));
        given().config(exact).get("/api/companies/EXTRM/metrics").then().statusCode(200)
                .body(q4 + ".capexToOcf", comparesEqualTo(new BigDecimal("1000000000000.0000")))
                .body(q4 + ".ttmCapexToOcf", comparesEqualTo(new BigDecimal("1000000000000.0000")));
        given().get("/api/companies/EXTRM/metrics").then()
                .body(q4 + ".fcf", equalTo(-999_999_999_999L))
                .body(q4 + ".ttmFcf", equalTo(-3_999_999_999_996L));
        DeadLetters.assertOnlyTheUnreadableMarker(kafka, cik);
    }

    /** @return what each of two applies started at the same moment answered, sorted (false = already applied) */
    private List<Boolean> appliedConcurrently(FundamentalsSnapshot snapshot) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Boolean>> applies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            applies.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    return VertxContextSupport.subscribeAndAwait(() -> metrics.apply(snapshot)).applied();
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }, threads));
        }
        try {
            List<Boolean> results = new ArrayList<>();
            for (CompletableFuture<Boolean> apply : applies) {
                results.add(apply.get(30, TimeUnit.SECONDS));
            }
            return results.stream().sorted().toList();
        } finally {
            threads.shutdown();
        }
    }

    private void send(FundamentalsSnapshot snapshot) throws Exception {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(DeadLetters.FUNDAMENTALS, Long.toString(snapshot.cik()),
                mapper.writeValueAsString(snapshot))).awaitCompletion();
    }
}
