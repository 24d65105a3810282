package io.capexwatch.ingest.rest;

import io.capexwatch.ingest.Samples;
import io.capexwatch.localinfra.OutagePostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL stopped: an import and the reads answer 503 problem+json at once (not a 500, not a hang) and
 * store nothing; PostgreSQL back: the same import succeeds and is published.
 */
@QuarkusTest
@TestProfile(PostgresOutageTest.OwnPostgres.class)
class PostgresOutageTest {
    private static final long CIK = 9_900_033L;
    private static final String TICKER = "PGDOWNI";
    private static final String Q3 = "find { it.periodEnd == '2025-09-30' }.values";

    /** Its own PostgreSQL, so stopping it leaves the other test classes alone. */
    public static class OwnPostgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OutagePostgres.configOverrides("ingest");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterAll
    static void stopAfterwards() {
        OutagePostgres.stop("ingest");
    }

    @Test
    void importsAndReadsAnswer503WhilePostgresIsDownAndTheImportSucceedsOnceItIsBack() {
        asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"" + TICKER + "\", \"cik\": " + CIK + "}")
                .post("/api/companies").then().statusCode(201);
        byte[] document = Samples.alphabetCompanyFactsAs(CIK);

        OutagePostgres.stop("ingest");
        asAdmin().contentType(ContentType.JSON).body(document).post("/api/imports").then()
                .time(lessThan(5_000L))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", is(503))
                .body("type", is("https://capexwatch.io/problems/database-unavailable"));
        given().get("/api/companies").then().time(lessThan(5_000L))
                .statusCode(503).contentType("application/problem+json").body("status", is(503));
        given().get("/api/companies/" + TICKER + "/fundamentals").then().time(lessThan(5_000L))
                .statusCode(503).contentType("application/problem+json").body("status", is(503));

        OutagePostgres.start("ingest");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> topic = kafka.consumeStrings().fromTopics("capexwatch.fundamentals");
            // The pool notices the restarted server on the next requests.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/companies").then().statusCode(200));
            // Nothing was stored while it was down: this import brings every value.
            asAdmin().contentType(ContentType.JSON).body(document).post("/api/imports").then().statusCode(200)
                    .body("revision", is(1))
                    .body("quartersDerived", is(13));
            given().get("/api/companies/" + TICKER + "/fundamentals").then().statusCode(200)
                    .body("size()", is(13))
                    .body(Q3 + ".OPERATING_CASH_FLOW.value", equalTo(48_414_000_000L))
                    .body(Q3 + ".CAPEX.value", equalTo(23_953_000_000L));

            await().atMost(Duration.ofSeconds(30)).until(() -> !ofCompany(topic).isEmpty());
            JsonPath snapshot = ofCompany(topic).getFirst();
            assertEquals(1, snapshot.getInt("revision"));
            assertEquals(23_953_000_000L, snapshot.getLong("quarters.find { it.periodEnd == '2025-09-30' }.values.CAPEX.value"));
            topic.stop();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/companies").then()
                .body("find { it.ticker == '" + TICKER + "' }.publishedRevision", is(1)));
    }

    private static List<JsonPath> ofCompany(ConsumerTask<String, String> topic) {
        return topic.getRecords().stream().filter(r -> Long.toString(CIK).equals(r.key()))
                .map(r -> JsonPath.from(r.value())).toList();
    }
}
