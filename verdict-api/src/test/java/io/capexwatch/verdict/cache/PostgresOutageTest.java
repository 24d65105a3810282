package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.localinfra.OutagePostgres;
import io.capexwatch.verdict.OwnPostgres;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL stops and comes back: verdicts keep being served and the replica stays ready; a metrics
 * message that arrives meanwhile waits (retried with backoff, not dead-lettered) and becomes a verdict once
 * PostgreSQL is back. Nothing accepted is lost.
 */
@QuarkusTest
@TestProfile(OwnPostgres.class)
class PostgresOutageTest {
    private static final long CIK = 9_900_004L;
    private static final String TICKER = "PGDOWN";

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
    void verdictsAreServedThroughAPostgresOutageAndNothingIsLost() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).body("metricsRevision", is(1)));
        String before = given().get("/api/verdicts/" + TICKER).asString();

        OutagePostgres.stop(OwnPostgres.DATABASE);
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 2));
        // Served from memory, ready, while the new metrics wait for PostgreSQL.
        for (int i = 0; i < 5; i++) {
            assertEquals(before, given().get("/api/verdicts/" + TICKER).then().statusCode(200).extract().asString());
            given().get("/q/health/ready").then().statusCode(200);
            Thread.sleep(1000);
        }

        OutagePostgres.start(OwnPostgres.DATABASE);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).body("metricsRevision", is(2)));
        given().get("/api/verdicts/" + TICKER + "/history").then().statusCode(200).body("size()", is(2));
    }
}
