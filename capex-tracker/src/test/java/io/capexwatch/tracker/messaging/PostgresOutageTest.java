package io.capexwatch.tracker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.localinfra.OutagePostgres;
import io.capexwatch.tracker.AlphabetQuarters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL stops while a fundamentals snapshot arrives: the snapshot is retried with backoff, not
 * dead-lettered, reads answer 503 problem+json; once PostgreSQL is back the metrics are stored and published.
 */
@QuarkusTest
@TestProfile(PostgresOutageTest.OwnPostgres.class)
class PostgresOutageTest {
    private static final long CIK = 9_900_045L;
    private static final String TICKER = "PGDOWNT";
    private static final String Q3_2025 = "quarters.find { it.periodEnd == '2025-09-30' }";

    /** Its own PostgreSQL, so stopping it leaves the other test classes alone. */
    public static class OwnPostgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OutagePostgres.configOverrides("tracker");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @AfterAll
    static void stopAfterwards() {
        OutagePostgres.stop("tracker");
    }

    @Test
    void aSnapshotArrivingDuringAnOutageIsRetriedAndAppliedOncePostgresIsBack() throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> published = kafka.consumeStrings().fromTopics("capexwatch.metrics");
            OutagePostgres.stop("tracker");
            double retriesBefore = retries();
            FundamentalsSnapshot snapshot = AlphabetQuarters.snapshotAs(CIK, TICKER, 1, AlphabetQuarters.quarters());
            kafka.produceStrings().fromRecords(new ProducerRecord<>(DeadLetters.FUNDAMENTALS, Long.toString(CIK),
                    mapper.writeValueAsString(snapshot))).awaitCompletion();

            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
            given().get("/api/companies/" + TICKER + "/metrics").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", is(503));

            OutagePostgres.start("tracker");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/companies/" + TICKER + "/metrics")
                    .then().statusCode(200).body(Q3_2025 + ".ttmFcf", equalTo(73_552_000_000L)));
            given().get("/api/companies/" + TICKER + "/metrics").then()
                    .body("revision", is(1))
                    .body(Q3_2025 + ".fcf", equalTo(24_461_000_000L));

            await().atMost(Duration.ofSeconds(30)).until(() -> ofCompany(published).size() >= 1);
            JsonPath metrics = ofCompany(published).getFirst();
            assertEquals(1, metrics.getInt("revision"));
            assertEquals(1, metrics.getInt("fundamentalsRevision"));
            assertEquals(73_552_000_000L, metrics.getLong(Q3_2025 + ".ttmFcf"));
            published.stop();

            DeadLetters.assertOnlyTheUnreadableMarker(kafka, CIK);
        }
    }

    private static List<JsonPath> ofCompany(ConsumerTask<String, String> topic) {
        return topic.getRecords().stream().filter(r -> Long.toString(CIK).equals(r.key()))
                .map(r -> JsonPath.from(r.value())).toList();
    }

    private static double retries() {
        Matcher counter = Pattern.compile("(?m)^capexwatch_fundamentals_retries_total(?:\\{[^}]*})? (\\S+)$")
                .matcher(given().get("/q/metrics").asString());
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
