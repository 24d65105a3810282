package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Senders as replicas and restarts see them, driven by hand (the scheduled sender is off in this profile):
 * everything a sender needs is in PostgreSQL, so one that died mid-delivery is replaced by any other.
 */
@QuarkusTest
@TestProfile(AlertWorkerRestartTest.SenderStopped.class)
class AlertWorkerRestartTest {

    public static class SenderStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("capexwatch.alerts.worker-enabled", "false");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    AlertDeliveries deliveries;

    @Inject
    AlertWorker worker;

    private final List<Long> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(AlertsApi::delete);
    }

    @Test
    void aDeliveryClaimedBySenderThatDiedIsSentByAnotherOnceItsLeaseRunsOut() throws Throwable {
        long cik = 9_900_211L;
        String ticker = "CRASH";
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            long subscription = AlertsApi.subscribe(receiver.url(), "json", ticker, Map.of("stateChange", true));
            subscriptions.add(subscription);
            TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(cik, ticker, 1));
            await().atMost(Duration.ofSeconds(20)).until(() -> AlertsApi.deliveries(subscription).size() == 1);
            Object deliveryId = AlertsApi.deliveries(subscription).getFirst().get("id");
            AlertsApi.asAdmin().post("/api/alerts/subscriptions/" + subscription + "/deliveries/" + deliveryId + "/redeliver")
                    .then().statusCode(409).contentType("application/problem+json");

            // A replica claims it and dies before sending or recording anything.
            List<ClaimedDelivery> crashed = ofTicker(onVertx(() -> deliveries.claimDue(50, Duration.ofSeconds(2))), ticker);
            assertEquals(1, crashed.size());
            ClaimedDelivery lost = crashed.getFirst();
            // While its lease holds nobody else takes it ...
            assertEquals(List.of(), ofTicker(onVertx(() -> deliveries.claimDue(50, Duration.ofSeconds(2))), ticker));
            // ... and once it ran out a fresh sender (a restarted or another replica) sends it.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                onVertx(worker::runOnce);
                assertEquals("DELIVERED", AlertsApi.deliveries(subscription).getFirst().get("status"));
            });

            Map<String, Object> delivered = AlertsApi.deliveries(subscription).getFirst();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> log = (List<Map<String, Object>>) delivered.get("log");
            assertEquals(1, log.size());
            assertEquals(200, log.getFirst().get("statusCode"));
            assertFalse(Instant.parse((String) log.getFirst().get("at")).isBefore(lost.lockedUntil()));
            assertEquals(1, receiver.receipts().size());
            assertEquals(lost.eventKey().toString(), receiver.receipts().getFirst().idempotencyKey());

            // The dead replica's late result, were it to come, changes nothing: its lease is gone.
            onVertx(() -> deliveries.record(List.of(new AlertDeliveries.Result(lost,
                    new SendOutcome(Instant.now(), 3, 500, "HTTP 500")))));
            Map<String, Object> after = AlertsApi.deliveries(subscription).getFirst();
            assertEquals("DELIVERED", after.get("status"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> logAfter = (List<Map<String, Object>>) after.get("log");
            assertEquals(List.of("DELIVERED", "LEASE_LOST"), logAfter.stream().map(a -> a.get("outcome")).toList());
        }
    }

    @Test
    void sendersClaimingAtOnceNeverShareADeliveryAndACompanysNextEventWaitsForItsFirst() throws Throwable {
        List<String> tickers = List.of("PAR1", "PAR2", "PAR3", "PAR4");
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            for (String ticker : tickers) {
                subscriptions.add(AlertsApi.subscribe(receiver.url(), "json", ticker, Map.of("stateChange", true)));
            }
            for (int i = 0; i < tickers.size(); i++) {
                TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(9_900_221L + i, tickers.get(i), 1));
            }
            TestMessages.send(bootstrap, mapper, TestMessages.METRICS, new MetricsSnapshot(MetricsSnapshot.SCHEMA_VERSION,
                    9_900_221L, "PAR1", "PAR1 TEST CO", 2, 2, Instant.parse("2026-05-01T00:00:00Z"), AlertsApi.slipping()));
            await().atMost(Duration.ofSeconds(30)).until(() -> subscriptions.stream().mapToInt(s -> AlertsApi.deliveries(s).size()).sum() == 5);

            // Two senders claim at the same moment, two deliveries each.
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<List<ClaimedDelivery>> a = CompletableFuture.supplyAsync(() -> claimAfter(start));
            CompletableFuture<List<ClaimedDelivery>> b = CompletableFuture.supplyAsync(() -> claimAfter(start));
            start.countDown();
            List<ClaimedDelivery> first = ofTickers(a.get(), tickers);
            List<ClaimedDelivery> second = ofTickers(b.get(), tickers);
            Set<Long> ids = new HashSet<>();
            first.forEach(d -> ids.add(d.id()));
            second.forEach(d -> assertTrue(ids.add(d.id()), "delivery " + d.id() + " claimed twice"));
            // PAR1's second event is not claimable while its first is pending: the four claimed are one per company.
            assertEquals(Set.copyOf(tickers), new HashSet<>(concat(first, second).stream().map(ClaimedDelivery::ticker).toList()));
            assertEquals(4, ids.size());
            assertEquals(List.of(), ofTickers(onVertx(() -> deliveries.claimDue(50, Duration.ofSeconds(10))), tickers));

            ClaimedDelivery par1 = concat(first, second).stream().filter(d -> d.ticker().equals("PAR1")).findFirst().orElseThrow();
            onVertx(() -> deliveries.record(List.of(new AlertDeliveries.Result(par1, new SendOutcome(Instant.now(), 4, 200, null)))));
            List<ClaimedDelivery> next = ofTickers(onVertx(() -> deliveries.claimDue(50, Duration.ofSeconds(10))), tickers);
            assertEquals(1, next.size());
            assertEquals("PAR1", next.getFirst().ticker());
            assertTrue(next.getFirst().id() > par1.id());
            assertTrue(next.getFirst().body().contains("\"state\":\"SLIPPING\""), next.getFirst().body());
        }
    }

    private List<ClaimedDelivery> claimAfter(CountDownLatch start) {
        try {
            start.await();
            return onVertx(() -> deliveries.claimDue(2, Duration.ofSeconds(10)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onVertx(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private static List<ClaimedDelivery> ofTicker(List<ClaimedDelivery> claimed, String ticker) {
        return ofTickers(claimed, List.of(ticker));
    }

    private static List<ClaimedDelivery> ofTickers(List<ClaimedDelivery> claimed, List<String> tickers) {
        return claimed.stream().filter(d -> tickers.contains(d.ticker())).toList();
    }

    private static List<ClaimedDelivery> concat(List<ClaimedDelivery> a, List<ClaimedDelivery> b) {
        List<ClaimedDelivery> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
