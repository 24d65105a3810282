package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.localinfra.OutageRedis;
import io.capexwatch.verdict.OwnRedis;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis stops while a company's filing status arrives: the verdict cache's consumer retries it with backoff
 * (counted) instead of dropping it, and once Redis is back (empty) the verdict carries the status exactly.
 * Nothing of the company reaches capexwatch.filing-status.dlq but an unreadable marker sent afterwards, once,
 * with its reason.
 */
@QuarkusTest
@TestProfile(OwnRedis.class)
class FilingStatusRedisOutageTest {
    private static final long CIK = 9_900_207L;
    private static final String TICKER = "RDFILE";
    private static final String DLQ = "capexwatch.filing-status.dlq";
    private static final Filing TEN_Q = new Filing("0009900207-26-000048", "10-Q", LocalDate.parse("2026-04-30"));
    private static final Filing RELEASE = new Filing("0009900207-26-000061", "8-K", LocalDate.parse("2026-07-23"));
    private static final String RELEASED_DETAIL =
            "results released 2026-07-23 (8-K 0009900207-26-000061), awaiting the 10-Q/10-K";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void startRedis() {
        OutageRedis.start(OwnRedis.NAME);
    }

    @AfterAll
    static void stopRedis() {
        OutageRedis.stop(OwnRedis.NAME);
    }

    @Test
    void aStatusArrivingWhileRedisIsDownIsRetriedUntilTheVerdictCarriesIt() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).header("X-Verdicts-Stale", nullValue()).body("filing", nullValue()));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            OutageRedis.stop(OwnRedis.NAME);
            double before = retries();
            send(kafka, mapper.writeValueAsString(new FilingStatus(FilingStatus.SCHEMA_VERSION, CIK, TICKER,
                    FilingStatus.RESULTS_RELEASED_AWAITING_FILING, RELEASED_DETAIL, TEN_Q, RELEASE,
                    Instant.parse("2026-07-23T20:15:30Z"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= before + 2);

            OutageRedis.start(OwnRedis.NAME);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                    .statusCode(200)
                    .header("X-Verdicts-Stale", nullValue())
                    .body("filing.status", is(FilingStatus.RESULTS_RELEASED_AWAITING_FILING)));
            given().get("/api/verdicts/" + TICKER).then()
                    .body("metricsRevision", is(1))
                    .body("filing.detail", is(RELEASED_DETAIL))
                    .body("filing.lastFiling.accession", is("0009900207-26-000048"))
                    .body("filing.lastFiling.form", is("10-Q"))
                    .body("filing.lastFiling.filed", is("2026-04-30"))
                    .body("filing.resultsRelease.accession", is("0009900207-26-000061"))
                    .body("filing.resultsRelease.form", is("8-K"))
                    .body("filing.resultsRelease.filed", is("2026-07-23"));

            assertOnlyTheMarkerDeadLettered(kafka);
        }
    }

    /** An unreadable marker sent after the status: once the DLQ has it, it is all the DLQ holds of the company. */
    private static void assertOnlyTheMarkerDeadLettered(KafkaCompanion kafka) {
        String marker = "{unreadable marker " + UUID.randomUUID();
        ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics(DLQ);
        try {
            send(kafka, marker);
            await().atMost(Duration.ofSeconds(60)).until(() -> dead.getRecords().stream().anyMatch(r -> marker.equals(r.value())));
            List<ConsumerRecord<String, String>> ofCompany = dead.getRecords().stream()
                    .filter(r -> Long.toString(CIK).equals(r.key())).toList();
            assertEquals(List.of(marker), ofCompany.stream().map(ConsumerRecord::value).toList());
            String reason = new String(ofCompany.getFirst().headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.contains("unreadable payload"), reason);
        } finally {
            dead.stop();
        }
    }

    private static void send(KafkaCompanion kafka, String payload) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(TestMessages.FILING_STATUS, Long.toString(CIK), payload))
                .awaitCompletion();
    }

    private static double retries() {
        Matcher counter = Pattern.compile("(?m)^capexwatch_filing_status_retries_total(?:\\{[^}]*})? (\\S+)$")
                .matcher(given().get("/q/metrics").asString());
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
