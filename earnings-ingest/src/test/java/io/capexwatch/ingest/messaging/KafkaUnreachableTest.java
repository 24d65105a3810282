package io.capexwatch.ingest.messaging;

import io.capexwatch.ingest.Samples;
import io.capexwatch.localinfra.Ports;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no Kafka broker reachable an import is answered at once and stored: the outbox sends outside the
 * import's transaction, fails within its send timeout (logged and counted), and leaves the company
 * unpublished for the sweep.
 */
@QuarkusTest
@TestProfile(KafkaUnreachableTest.NoBroker.class)
class KafkaUnreachableTest {
    private static final long CIK = 9_900_031L;
    private static final String TICKER = "NOKAFKA";
    private static final String Q3 = "find { it.periodEnd == '2025-09-30' }.values";

    /** A loopback port where nothing listens, and producer timeouts short enough for a test. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", Ports.LOOPBACK + ":" + Ports.free(),
                    "mp.messaging.outgoing.fundamentals.max.block.ms", "1500",
                    "mp.messaging.outgoing.fundamentals.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.fundamentals.delivery.timeout.ms", "2000",
                    // The removal at the end announces NOT_WATCHED: its send must give up before this application
                    // stops, or it holds the producer for the next test class's application (60 s by default).
                    "mp.messaging.outgoing.filing-status.max.block.ms", "1500",
                    "mp.messaging.outgoing.filing-status.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.filing-status.delivery.timeout.ms", "2000",
                    "capexwatch.outbox.send-timeout", "1s");
        }
    }

    @Test
    void anImportIsAnsweredWithinTwoSecondsAndStoredWhileKafkaIsUnreachable() {
        asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"" + TICKER + "\", \"cik\": " + CIK + "}")
                .post("/api/companies").then().statusCode(201);
        double failuresBefore = publishFailures();

        int revision = asAdmin().contentType(ContentType.JSON).body(Samples.alphabetCompanyFactsAs(CIK))
                .post("/api/imports").then()
                .statusCode(200)
                .time(lessThan(2_000L))
                .body("quartersDerived", is(13))
                .extract().path("revision");

        given().get("/api/companies/" + TICKER + "/fundamentals").then().statusCode(200)
                .body("size()", is(13))
                .body(Q3 + ".OPERATING_CASH_FLOW.value", equalTo(48_414_000_000L))
                .body(Q3 + ".CAPEX.value", equalTo(23_953_000_000L));

        // The publication after the import has run and failed (counted), and the company waits for the sweep.
        await().atMost(Duration.ofSeconds(20)).until(() -> publishFailures() > failuresBefore);
        given().get("/api/companies").then().statusCode(200)
                .body("find { it.ticker == '" + TICKER + "' }.revision", is(revision))
                .body("find { it.ticker == '" + TICKER + "' }.publishedRevision", is(0));
        assertTrue(revision > 0);

        // While the sweep keeps failing against the absent broker, the next import is answered as fast.
        asAdmin().contentType(ContentType.JSON).body(Samples.alphabetCompanyFactsAs(CIK))
                .post("/api/imports").then().statusCode(200).time(lessThan(2_000L))
                .body("valuesChanged", is(0)).body("revision", is(revision));
    }

    @AfterEach
    void offTheWatchlist() {
        // Its data stays; the watchlist tests see the default companies.
        asAdmin().delete("/api/companies/" + TICKER).then().statusCode(204);
    }

    private static double publishFailures() {
        Matcher counter = Pattern.compile("(?m)^capexwatch_fundamentals_publish_failures_total(?:\\{[^}]*})? (\\S+)$")
                .matcher(given().get("/q/metrics").asString());
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
