package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.verdict.AlphabetMetrics;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verdict changes from metrics on the real Kafka, evaluated on the real PostgreSQL, delivered to a real HTTP
 * receiver on loopback that is down, then answers 500, then too slowly, then recovers.
 */
@QuarkusTest
class AlertDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    private final List<Long> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(AlertsApi::delete);
    }

    @Test
    void aFlakyReceiverGetsEveryEventOnceAndACompanysEventsInOrder() throws Exception {
        long cik = 9_900_201L;
        String ticker = "ALRT";
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            long subscription = AlertsApi.subscribe(receiver.url(), "json", ticker, Map.of("stateChange", true,
                    "ruleOutcomeChange", true, "thresholds", List.of(Map.of("metric", "TTM_CAPEX_TO_OCF", "value", 0.8))));
            subscriptions.add(subscription);
            // WATCH (first verdict), then SLIPPING (TTM capex/OCF 0.6305 → 0.9000), then WATCH again.
            send(TestMessages.alphabetSeriesAs(cik, ticker, 1));
            send(series(cik, ticker, 2, AlertsApi.slipping()));
            send(series(cik, ticker, 3, AlphabetMetrics.quarters()));

            // Down: the first event is retried, the two after it wait behind it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Map<String, Object>> log = AlertsApi.deliveries(subscription);
                assertEquals(3, log.size());
                List<Map<String, Object>> attempts = attempts(log.get(2));
                assertFalse(attempts.isEmpty());
                assertTrue(((String) attempts.getFirst().get("error")).startsWith("connection failed"), attempts.toString());
            });
            List<Map<String, Object>> waiting = AlertsApi.deliveries(subscription);
            for (Map<String, Object> later : waiting.subList(0, 2)) {
                assertEquals("PENDING", later.get("status"));
                assertEquals(0, later.get("attempts"));
                assertEquals(List.of(), later.get("log"));
            }

            receiver.script(WebhookReceiver.Answer.FAIL_500, WebhookReceiver.Answer.SLOW);
            receiver.start();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED"),
                    AlertsApi.deliveries(subscription).stream().map(d -> d.get("status")).toList()));

            List<Map<String, Object>> log = AlertsApi.deliveries(subscription).reversed();  // oldest first
            // The first event: refused while down, then 500, then a timeout, then delivered.
            List<Map<String, Object>> first = attempts(log.get(0));
            int refused = first.size() - 3;
            assertTrue(refused >= 1, first.toString());
            for (Map<String, Object> attempt : first.subList(0, refused)) {
                assertNull(attempt.get("statusCode"));
                assertTrue(((String) attempt.get("error")).startsWith("connection failed"), attempt.toString());
                assertEquals("RETRY", attempt.get("outcome"));
            }
            assertEquals(500, first.get(refused).get("statusCode"));
            assertEquals("HTTP 500", first.get(refused).get("error"));
            assertNull(first.get(refused + 1).get("statusCode"));
            assertTrue(((String) first.get(refused + 1).get("error")).startsWith("timeout"), first.toString());
            assertEquals(200, first.get(refused + 2).get("statusCode"));
            assertEquals("DELIVERED", first.get(refused + 2).get("outcome"));
            // The later two: once each, each only after the one before it was delivered.
            for (int i = 1; i < 3; i++) {
                List<Map<String, Object>> attempts = attempts(log.get(i));
                assertEquals(1, attempts.size(), attempts.toString());
                assertEquals(200, attempts.getFirst().get("statusCode"));
                Instant sent = Instant.parse((String) attempts.getFirst().get("at"));
                Instant previousDelivered = Instant.parse((String) log.get(i - 1).get("deliveredAt"));
                assertFalse(sent.isBefore(previousDelivered), sent + " before " + previousDelivered);
            }

            List<String> keys = log.stream().map(d -> (String) d.get("eventId")).toList();
            List<WebhookReceiver.Receipt> receipts = receiver.receipts();
            assertEquals(Set.copyOf(keys), receipts.stream().map(WebhookReceiver.Receipt::idempotencyKey).collect(Collectors.toSet()));
            // 500, too slow, 200 for the first; 200 for each of the others: exactly one prompt 2xx per key, in order.
            assertEquals(5, receipts.size());
            assertEquals(keys, receiver.accepted().stream().map(WebhookReceiver.Receipt::idempotencyKey).toList());
            for (String key : keys) {
                assertEquals(1, receipts.stream().filter(r -> r.idempotencyKey().equals(key) && r.status() == 200 && !r.late()).count());
            }
            for (WebhookReceiver.Receipt receipt : receipts) {
                assertTrue(Receipts.verifies(receipt.signature(), receipt.body(), AlertsApi.SECRET, 300), receipt.signature());
                assertFalse(Receipts.verifies(receipt.signature(), receipt.body(), "another-secret-0123456789", 300));
                assertEquals("verdict", receipt.eventType());
            }

            List<JsonNode> bodies = new ArrayList<>();
            for (WebhookReceiver.Receipt receipt : receiver.accepted()) {
                bodies.add(JSON.readTree(receipt.body()));
            }
            JsonNode firstVerdict = bodies.get(0);
            assertEquals(keys.get(0), firstVerdict.get("id").asText());
            assertEquals("verdict", firstVerdict.get("type").asText());
            assertEquals(ticker, firstVerdict.get("ticker").asText());
            assertEquals(cik, firstVerdict.get("cik").asLong());
            assertEquals("WATCH", firstVerdict.at("/verdict/state").asText());
            assertTrue(firstVerdict.at("/verdict/previousState").isMissingNode());
            assertEquals(1, firstVerdict.get("changes").size());
            assertEquals("VERDICT_STATE", firstVerdict.at("/changes/0/kind").asText());
            assertEquals("WATCH", firstVerdict.at("/changes/0/to").asText());
            assertTrue(firstVerdict.at("/changes/0/from").isMissingNode());

            JsonNode slipped = bodies.get(1);
            assertEquals("SLIPPING", slipped.at("/verdict/state").asText());
            assertEquals("WATCH", slipped.at("/verdict/previousState").asText());
            assertEquals(2026, slipped.at("/verdict/fiscalYear").asInt());
            assertEquals(1, slipped.at("/verdict/fiscalQuarter").asInt());
            assertEquals(2, slipped.at("/verdict/metricsRevision").asInt());
            assertEquals("0001652044-26-000048", slipped.at("/filing/accession").asText());
            assertEquals("10-Q", slipped.at("/filing/form").asText());
            assertEquals("https://www.sec.gov/Archives/edgar/data/9900201/000165204426000048/", slipped.at("/filing/url").asText());
            JsonNode state = change(slipped, "VERDICT_STATE", null);
            assertEquals("WATCH", state.get("from").asText());
            assertEquals("SLIPPING", state.get("to").asText());
            JsonNode intensity = change(slipped, "RULE_OUTCOME", "capex-intensity");
            assertEquals("WATCH", intensity.get("from").asText());
            assertEquals("SLIPPING", intensity.get("to").asText());
            JsonNode crossed = change(slipped, "METRIC_THRESHOLD", "TTM_CAPEX_TO_OCF");
            assertEquals("ABOVE", crossed.get("direction").asText());
            assertDecimal("0.8", crossed.get("threshold"));
            assertDecimal("0.6305", crossed.get("from"));
            assertDecimal("0.9000", crossed.get("to"));
            JsonNode rule = StreamSupport.stream(slipped.get("rulesChanged").spliterator(), false)
                    .filter(r -> r.get("rule").asText().equals("capex-intensity")).findFirst().orElseThrow();
            assertEquals("SLIPPING", rule.get("outcome").asText());
            assertEquals(0, new BigDecimal("0.9").compareTo(rule.at("/inputs/ttmCapexToOcf").decimalValue()));
            assertEquals(156_918_000_000L, rule.at("/inputs/ttmCapex").asLong());
            // Every rule whose outcome changed is both in rulesChanged and in changes.
            assertEquals(slipped.get("rulesChanged").size(), StreamSupport.stream(slipped.get("changes").spliterator(), false)
                    .filter(c -> c.get("kind").asText().equals("RULE_OUTCOME")).count());

            JsonNode back = bodies.get(2);
            assertEquals("WATCH", back.at("/verdict/state").asText());
            assertEquals("SLIPPING", back.at("/verdict/previousState").asText());
            JsonNode below = change(back, "METRIC_THRESHOLD", "TTM_CAPEX_TO_OCF");
            assertEquals("BELOW", below.get("direction").asText());
            assertDecimal("0.9000", below.get("from"));
            assertDecimal("0.6305", below.get("to"));
        }
    }

    @Test
    void slackDeliveriesGoDeadAfterTheLastAttemptAndARedeliverDeliversThem() throws Exception {
        long cik = 9_900_202L;
        String ticker = "DEADQ";
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            receiver.fallback(WebhookReceiver.Answer.FAIL_500);
            long subscription = AlertsApi.subscribe(receiver.url(), "slack", ticker, Map.of("stateChange", true));
            subscriptions.add(subscription);
            send(TestMessages.alphabetSeriesAs(cik, ticker, 1));

            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertEquals(List.of("DEAD"),
                    AlertsApi.deliveries(subscription).stream().map(d -> d.get("status")).toList()));
            Map<String, Object> dead = AlertsApi.deliveries(subscription).getFirst();
            assertEquals(6, dead.get("attempts"));
            assertNull(dead.get("nextAttemptAt"));
            List<Map<String, Object>> attempts = attempts(dead);
            assertEquals(List.of("RETRY", "RETRY", "RETRY", "RETRY", "RETRY", "DEAD"), attempts.stream().map(a -> a.get("outcome")).toList());
            assertTrue(attempts.stream().allMatch(a -> Integer.valueOf(500).equals(a.get("statusCode"))));
            // Exponential backoff: each retry was scheduled later after the attempt than the one before (jitter is at most half).
            for (int i = 0; i < 5; i++) {
                Instant at = Instant.parse((String) attempts.get(i).get("at"));
                Instant next = Instant.parse((String) attempts.get(i).get("nextAttemptAt"));
                long delay = Duration.between(at, next).toMillis();
                long full = Math.min(1600, 400L << i);
                assertTrue(delay >= full / 2 && delay <= full + 1000, "attempt " + i + ": " + delay + " ms");
            }
            assertNull(attempts.get(5).get("nextAttemptAt"));
            assertEquals(6, receiver.receipts().size());

            receiver.fallback(WebhookReceiver.Answer.OK);
            AlertsApi.asAdmin().post("/api/alerts/subscriptions/" + subscription + "/deliveries/" + dead.get("id") + "/redeliver")
                    .then().statusCode(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("DELIVERED"),
                    AlertsApi.deliveries(subscription).stream().map(d -> d.get("status")).toList()));
            Map<String, Object> delivered = AlertsApi.deliveries(subscription).getFirst();
            assertEquals(1, delivered.get("attempts"));
            assertEquals(7, attempts(delivered).size());
            assertEquals("DELIVERED", attempts(delivered).getLast().get("outcome"));

            List<WebhookReceiver.Receipt> receipts = receiver.receipts();
            assertEquals(7, receipts.size());
            assertEquals(Set.of(dead.get("eventId")), receipts.stream().map(WebhookReceiver.Receipt::idempotencyKey).collect(Collectors.toSet()));
            WebhookReceiver.Receipt last = receipts.getLast();
            assertEquals(200, last.status());
            assertTrue(Receipts.verifies(last.signature(), last.body(), AlertsApi.SECRET, 300));
            JsonNode slack = JSON.readTree(last.body());
            assertEquals("DEADQ: first verdict: WATCH (FY2026 Q1)\n• first verdict: WATCH", slack.get("text").asText());
            assertEquals("header", slack.at("/blocks/0/type").asText());
            assertEquals("DEADQ: first verdict: WATCH (FY2026 Q1)", slack.at("/blocks/0/text/text").asText());
            assertEquals("section", slack.at("/blocks/1/type").asText());
            assertEquals("mrkdwn", slack.at("/blocks/1/text/type").asText());
            assertEquals("• first verdict: WATCH", slack.at("/blocks/1/text/text").asText());
            assertEquals("context", slack.at("/blocks/2/type").asText());
            assertEquals("Based on <https://www.sec.gov/Archives/edgar/data/9900202/000165204426000048/|10-Q 0001652044-26-000048>"
                    + " filed 2026-04-30", slack.at("/blocks/2/elements/0/text").asText());
            assertEquals("capex-watch event " + dead.get("eventId"), slack.at("/blocks/2/elements/1/text").asText());
        }
    }

    @Test
    void resultsReleasedAndTheXbrlArrivingAreAlerted() throws Exception {
        long cik = 9_900_203L;
        String ticker = "FILEA";
        Filing tenQ = new Filing("0009900203-26-000048", "10-Q", LocalDate.parse("2026-04-30"));
        Filing release = new Filing("0009900203-26-000061", "8-K", LocalDate.parse("2026-07-23"));
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            long subscription = AlertsApi.subscribe(receiver.url(), "json", ticker, Map.of("filingStatusChange", true));
            subscriptions.add(subscription);
            // Up to date (the baseline), results released, a failed poll (not followed), the same again, then the 10-Q.
            send(status(cik, ticker, "UP_TO_DATE", "latest 10-Q imported", tenQ, null));
            send(status(cik, ticker, FilingStatus.RESULTS_RELEASED_AWAITING_FILING,
                    "results released 2026-07-23 (8-K 0009900203-26-000061), awaiting the 10-Q/10-K", tenQ, release));
            send(status(cik, ticker, "POLL_FAILED", "EDGAR answered 503", tenQ, release));
            send(status(cik, ticker, FilingStatus.RESULTS_RELEASED_AWAITING_FILING,
                    "results released 2026-07-23 (8-K 0009900203-26-000061), awaiting the 10-Q/10-K", tenQ, release));
            Filing next = new Filing("0009900203-26-000077", "10-Q", LocalDate.parse("2026-07-29"));
            send(status(cik, ticker, "UP_TO_DATE", "latest 10-Q imported", next, release));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 2);
            List<Map<String, Object>> log = AlertsApi.deliveries(subscription);
            assertEquals(2, log.size());
            List<JsonNode> bodies = new ArrayList<>();
            for (WebhookReceiver.Receipt receipt : receiver.accepted()) {
                assertEquals("filing", receipt.eventType());
                bodies.add(JSON.readTree(receipt.body()));
            }
            assertEquals("filing", bodies.get(0).get("type").asText());
            assertEquals(ticker, bodies.get(0).get("ticker").asText());
            assertTrue(bodies.get(0).at("/verdict").isMissingNode());
            assertEquals("FILING_STATUS", bodies.get(0).at("/changes/0/kind").asText());
            assertEquals("UP_TO_DATE", bodies.get(0).at("/changes/0/from").asText());
            assertEquals(FilingStatus.RESULTS_RELEASED_AWAITING_FILING, bodies.get(0).at("/changes/0/to").asText());
            assertEquals("results released 2026-07-23 (8-K 0009900203-26-000061), awaiting the 10-Q/10-K",
                    bodies.get(0).at("/changes/0/detail").asText());
            assertEquals(FilingStatus.RESULTS_RELEASED_AWAITING_FILING, bodies.get(1).at("/changes/0/from").asText());
            assertEquals("UP_TO_DATE", bodies.get(1).at("/changes/0/to").asText());
            assertEquals("0009900203-26-000077", bodies.get(1).at("/filing/accession").asText());
        }
    }

    @Test
    void aRestatedQuarterIsAlertedWithTheFigureAndTheFiling() throws Exception {
        long cik = 9_900_204L;
        String ticker = "RESTA";
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            long subscription = AlertsApi.subscribe(receiver.url(), "json", ticker, Map.of("restatement", true));
            subscriptions.add(subscription);
            send(TestMessages.alphabetSeriesAs(cik, ticker, 1));
            send(series(cik, ticker, 2, AlertsApi.q3CapexRestated()));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
            assertEquals(1, AlertsApi.deliveries(subscription).size());
            JsonNode body = JSON.readTree(receiver.accepted().getFirst().body());
            assertEquals(1, body.get("changes").size());
            JsonNode restated = body.at("/changes/0");
            assertEquals("RESTATEMENT", restated.get("kind").asText());
            assertEquals("capex", restated.get("subject").asText());
            assertEquals(23_953_000_000L, restated.get("from").asLong());
            assertEquals(24_500_000_000L, restated.get("to").asLong());
            assertEquals(2025, restated.get("fiscalYear").asInt());
            assertEquals(3, restated.get("fiscalQuarter").asInt());
            assertEquals("2025-09-30", restated.get("periodEnd").asText());
            assertEquals("0001652044-25-000099", restated.get("accession").asText());
        }
    }

    private void send(io.capexwatch.contracts.messages.CompanyMessage message) throws Exception {
        TestMessages.send(bootstrap, mapper, message instanceof FilingStatus ? TestMessages.FILING_STATUS : TestMessages.METRICS, message);
    }

    private static MetricsSnapshot series(long cik, String ticker, long revision, List<io.capexwatch.contracts.messages.QuarterMetrics> quarters) {
        return new MetricsSnapshot(MetricsSnapshot.SCHEMA_VERSION, cik, ticker, ticker + " TEST CO", revision, revision,
                Instant.parse("2026-05-01T00:00:00Z"), quarters);
    }

    private static FilingStatus status(long cik, String ticker, String status, String detail, Filing last, Filing release) {
        return new FilingStatus(FilingStatus.SCHEMA_VERSION, cik, ticker, status, detail, last, release, Instant.now());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("log");
    }

    /** Numerically: a ratio's trailing zeros (0.9000 or 0.9) depend on how a JSON parser buffered it. */
    private static void assertDecimal(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), expected + " vs " + actual);
    }

    private static JsonNode change(JsonNode body, String kind, String subject) {
        return StreamSupport.stream(body.get("changes").spliterator(), false)
                .filter(c -> c.get("kind").asText().equals(kind) && (subject == null || subject.equals(c.path("subject").asText())))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + subject + " not in " + body.get("changes")));
    }
}
