package io.capexwatch.ingest.edgar;

import com.fasterxml.jackson.databind.JsonNode;
import io.capexwatch.ingest.Documents;
import io.capexwatch.ingest.Metrics;
import io.capexwatch.ingest.service.EdgarPoller;
import io.capexwatch.localinfra.EdgarStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EDGAR updates submissions and companyfacts separately: a 10-K listed in submissions before companyfacts
 * carries it is awaited (AWAITING_XBRL, companyfacts fetched again every poll) and imported once it arrives.
 * The snapshots of this run are larger than the producer may send, so every publication fails: the poll
 * goes on, and the failure is logged and counted.
 */
@QuarkusTest
@TestProfile(XbrlLagTest.LagProfile.class)
@WithTestResource(value = EdgarStubResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class XbrlLagTest {
    private static final long CIK = 9_000_031L;
    private static final String TICKER = "LAGX";
    private static final String SUBMISSIONS = "/submissions/CIK0009000031.json";
    private static final String FACTS = "/api/xbrl/companyfacts/CIK0009000031.json";
    private static final String TEN_K = "0001652044-26-000018";
    private static final String Q1_2026 = "0001652044-26-000048";
    private static final String Q3_2025 = "0001652044-25-000091";

    public static class LagProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // Polls and nothing else: no outbox sweep publishing (or counting failures) in between.
                    "quarkus.scheduler.enabled", "false",
                    "capexwatch.edgar.xbrl-lag-warning", "1ms",
                    "mp.messaging.outgoing.fundamentals.max.request.size", "200");
        }
    }

    @Inject
    EdgarPoller poller;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aTenKWhoseCompanyfactsLagsIsAwaitedThenImportedToTheDollar() throws Throwable {
        EdgarStub stub = EdgarStubResource.stub();
        Documents.watch(TICKER, CIK);
        byte[] q3State = Documents.alphabetAs(CIK, Set.of(TEN_K, Q1_2026));
        double failuresBefore = Metrics.value("capexwatch_fundamentals_publish_failures_total");
        asAdmin().contentType(ContentType.JSON).body(q3State).post("/api/imports").then().statusCode(200);
        // The import answered 200 although its publication (after the answer, in the background) failed; the
        // failure was counted.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertEquals(failuresBefore + 1, Metrics.value("capexwatch_fundamentals_publish_failures_total")));

        stub.serve(SUBMISSIONS, Documents.submissions(CIK, List.of(
                List.of(TEN_K, "10-K", "2026-02-05", ""), List.of(Q3_2025, "10-Q", "2025-10-30", ""))));
        stub.serve(FACTS, q3State);
        String awaiting = "10-K " + TEN_K + " filed 2026-02-05 listed; companyfacts does not carry it yet \\(since "
                + "20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z\\)";

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> statuses = kafka.consumeStrings().fromTopics("capexwatch.filing-status");

            poll(); // companyfacts answers 200 with the Q3 state
            poll(); // companyfacts answers 304: still the Q3 state
            assertEquals(List.of(200, 304), stub.requests(FACTS).stream().map(EdgarStub.Request::status).toList());
            given().get("/api/companies").then()
                    .body(company("status"), is("AWAITING_XBRL"))
                    .body(company("statusDetail"), matchesPattern(awaiting))
                    .body(company("lastFiling"), is((Object) null));
            given().get("/api/companies/" + TICKER + "/fundamentals").then()
                    .body("size()", is(11))
                    .body("[-1].periodEnd", is("2025-09-30"));
            // The wait passed the (test) limit of 1 ms by the second poll.
            assertEquals(1.0, Metrics.value("capexwatch_edgar_xbrl_lag_exceeded_total{ticker=\"" + TICKER + "\"}"));

            stub.serve(FACTS, Documents.alphabetAs(CIK, Set.of(Q1_2026)));
            double failuresBeforeImport = Metrics.value("capexwatch_fundamentals_publish_failures_total");
            poll();
            assertEquals(List.of(200, 304, 200), stub.requests(FACTS).stream().map(EdgarStub.Request::status).toList());
            given().get("/api/companies").then()
                    .body(company("status"), is("UP_TO_DATE"))
                    .body(company("statusDetail"), is("latest 10-K " + TEN_K + " filed 2026-02-05 imported"))
                    .body(company("lastFiling.accession"), is(TEN_K))
                    .body(company("lastFiling.form"), is("10-K"));
            String q4 = "find { it.periodEnd == '2025-12-31' }.values";
            given().get("/api/companies/" + TICKER + "/fundamentals").then()
                    .body("size()", is(12))
                    .body(q4 + ".CAPEX.value", equalTo(27_851_000_000L)) // 91,447 - 63,596 ($M)
                    .body(q4 + ".CAPEX.provenance.derivation", is("FY-9M"))
                    .body(q4 + ".CAPEX.provenance.filing.accession", is(TEN_K))
                    .body(q4 + ".OPERATING_CASH_FLOW.value", equalTo(52_402_000_000L)); // 164,713 - 112,311
            // The poll imported although publishing failed; that failure was logged and counted too.
            assertEquals(failuresBeforeImport + 1, Metrics.value("capexwatch_fundamentals_publish_failures_total"));
            assertEquals(1.0, Metrics.value("capexwatch_edgar_xbrl_lag_exceeded_total{ticker=\"" + TICKER + "\"}"));

            // verdict-api was told: AWAITING_XBRL after each of the first two polls, UP_TO_DATE after the third.
            // (Adding the company announced it too, AWAITING_FIRST_POLL, before the polls: wait for the last one.)
            await().atMost(Duration.ofSeconds(20)).until(() -> statusesOf(statuses).size() >= 3
                    && statusesOf(statuses).getLast().equals("UP_TO_DATE"));
            List<String> sent = statusesOf(statuses);
            assertEquals(List.of("AWAITING_XBRL", "AWAITING_XBRL", "UP_TO_DATE"), sent.subList(sent.size() - 3, sent.size()));
        }
    }

    private void poll() throws Throwable {
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> poller.pollIfLeader()));
    }

    private static String company(String path) {
        return "find { it.ticker == '" + TICKER + "' }." + path;
    }

    private static List<String> statusesOf(ConsumerTask<String, String> records) {
        return records.getRecords().stream()
                .filter(r -> r.key().equals(Long.toString(CIK)))
                .map(r -> Documents.read(r.value()))
                .map(node -> node.path("status").asText())
                .toList();
    }
}
