package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.localinfra.OutagePostgres;
import io.capexwatch.verdict.OwnPostgres;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
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
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops while a company's filing status arrives: the watchlist's and the alerts' consumers retry
 * it with backoff (counted), and once PostgreSQL is back the watchlist row holds it exactly and the alert is
 * delivered once. A redelivered status adds no row and no alert; an unreadable payload reaches
 * capexwatch.filing-status.dlq once although three consumer groups read the topic, and both consumers carry
 * on after it.
 */
@QuarkusTest
@TestProfile(OwnPostgres.class)
class FilingStatusPostgresOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CIK = 9_900_206L;
    private static final String TICKER = "PGFILE";
    private static final String DLQ = "capexwatch.filing-status.dlq";
    private static final Filing TEN_Q = new Filing("0009900206-26-000048", "10-Q", LocalDate.parse("2026-04-30"));
    private static final Filing RELEASE = new Filing("0009900206-26-000061", "8-K", LocalDate.parse("2026-07-23"));
    private static final Filing NEXT_TEN_Q = new Filing("0009900206-26-000077", "10-Q", LocalDate.parse("2026-07-29"));
    private static final String RELEASED_DETAIL =
            "results released 2026-07-23 (8-K 0009900206-26-000061), awaiting the 10-Q/10-K";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void startBefore() {
        OutagePostgres.start(OwnPostgres.DATABASE);
    }

    @AfterAll
    static void stopAfterwards() {
        OutagePostgres.stop(OwnPostgres.DATABASE);
    }

    @Test
    void aStatusArrivingDuringAnOutageIsStoredAndAlertedOnceWhenPostgresIsBack() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.up(); KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            long subscription = AlertsApi.subscribe(receiver.url(), "json", TICKER, Map.of("filingStatusChange", true));
            FilingStatus baseline = status("UP_TO_DATE", "latest 10-Q imported", TEN_Q, null, "2026-07-22T14:00:00Z");
            send(kafka, mapper.writeValueAsString(baseline));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals("UP_TO_DATE", watched().getString("status")));

            OutagePostgres.stop(OwnPostgres.DATABASE);
            double watchlistBefore = retries("watchlist_filing_status");
            double alertsBefore = retries("alerts_filing_status");
            String released = mapper.writeValueAsString(status(FilingStatus.RESULTS_RELEASED_AWAITING_FILING, RELEASED_DETAIL,
                    TEN_Q, RELEASE, "2026-07-23T20:15:30Z"));
            send(kafka, released);
            await().atMost(Duration.ofSeconds(30)).until(() -> retries("watchlist_filing_status") >= watchlistBefore + 2
                    && retries("alerts_filing_status") >= alertsBefore + 2);
            assertEquals(List.of(), receiver.receipts());

            OutagePostgres.start(OwnPostgres.DATABASE);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertEquals(FilingStatus.RESULTS_RELEASED_AWAITING_FILING, watched().getString("status")));
            JsonPath row = watched();
            assertEquals(CIK, row.getLong("cik"));
            assertEquals(RELEASED_DETAIL, row.getString("detail"));
            assertEquals("0009900206-26-000048", row.getString("lastFiling.accession"));
            assertEquals("10-Q", row.getString("lastFiling.form"));
            assertEquals("2026-04-30", row.getString("lastFiling.filed"));
            assertEquals("2026-07-23T20:15:30Z", row.getString("polledAt"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
            JsonNode alert = JSON.readTree(receiver.accepted().getFirst().body());
            assertEquals("filing", alert.get("type").asText());
            assertEquals(TICKER, alert.get("ticker").asText());
            assertEquals(CIK, alert.get("cik").asLong());
            assertEquals("UP_TO_DATE", alert.at("/changes/0/from").asText());
            assertEquals(FilingStatus.RESULTS_RELEASED_AWAITING_FILING, alert.at("/changes/0/to").asText());
            assertEquals(RELEASED_DETAIL, alert.at("/changes/0/detail").asText());

            // The same status redelivered, an unreadable payload, then the 10-Q: the last is the marker that
            // both consumers are past the first two.
            send(kafka, released);
            String unreadable = "{unreadable " + UUID.randomUUID();
            send(kafka, unreadable);
            send(kafka, mapper.writeValueAsString(status("UP_TO_DATE", "latest 10-Q imported", NEXT_TEN_Q, RELEASE,
                    "2026-07-29T21:00:00Z")));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 2);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertEquals("0009900206-26-000077", watched().getString("lastFiling.accession")));

            JsonNode filed = JSON.readTree(receiver.accepted().get(1).body());
            assertEquals(FilingStatus.RESULTS_RELEASED_AWAITING_FILING, filed.at("/changes/0/from").asText());
            assertEquals("UP_TO_DATE", filed.at("/changes/0/to").asText());
            assertEquals("0009900206-26-000077", filed.at("/filing/accession").asText());
            assertEquals(2, AlertsApi.deliveries(subscription).size());
            assertEquals(2, receiver.receipts().size());
            assertEquals(1, given().get("/api/watchlist").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.cik == " + CIK + " }").size());
            assertEquals("UP_TO_DATE", watched().getString("status"));
            assertEquals("2026-07-29T21:00:00Z", watched().getString("polledAt"));

            assertDeadLetteredOnce(kafka, unreadable);
            AlertsApi.delete(subscription);
        }
    }

    /**
     * Of this company, the DLQ holds the unreadable payload once, then a second unreadable marker sent after
     * every consumer was past the first: no copy from the watchlist's or the alerts' group.
     */
    private static void assertDeadLetteredOnce(KafkaCompanion kafka, String unreadable) {
        String marker = "{unreadable marker " + UUID.randomUUID();
        ConsumerTask<String, String> dead = kafka.consumeStrings().fromTopics(DLQ);
        try {
            send(kafka, marker);
            await().atMost(Duration.ofSeconds(60)).until(() -> dead.getRecords().stream().anyMatch(r -> marker.equals(r.value())));
            List<ConsumerRecord<String, String>> ofCompany = dead.getRecords().stream()
                    .filter(r -> Long.toString(CIK).equals(r.key())).toList();
            assertEquals(List.of(unreadable, marker), ofCompany.stream().map(ConsumerRecord::value).toList());
            String reason = new String(ofCompany.getFirst().headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.contains("unreadable payload"), reason);
        } finally {
            dead.stop();
        }
    }

    private static JsonPath watched() {
        List<Map<String, Object>> rows = given().get("/api/watchlist").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.ticker == '" + TICKER + "' }");
        assertEquals(1, rows.size(), rows.toString());
        return JsonPath.from(given().get("/api/watchlist").asString()).setRootPath("find { it.ticker == '" + TICKER + "' }");
    }

    private static void send(KafkaCompanion kafka, String payload) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(TestMessages.FILING_STATUS, Long.toString(CIK), payload))
                .awaitCompletion();
    }

    private static FilingStatus status(String status, String detail, Filing last, Filing release, String polledAt) {
        return new FilingStatus(FilingStatus.SCHEMA_VERSION, CIK, TICKER, status, detail, last, release, Instant.parse(polledAt));
    }

    private static double retries(String consumer) {
        Matcher counter = Pattern.compile("(?m)^capexwatch_" + consumer + "_retries_total(?:\\{[^}]*})? (\\S+)$")
                .matcher(given().get("/q/metrics").asString());
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
