package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.localinfra.OutageRedis;
import io.capexwatch.verdict.OwnRedis;
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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Redis goes away and comes back (empty, as after a failover without persistence): verdicts keep being
 * served from memory marked stale, readiness holds, a verdict evaluated meanwhile is kept in PostgreSQL, and
 * once Redis is back the cache is refilled and every replica serves it, no longer stale.
 */
@QuarkusTest
@TestProfile(OwnRedis.class)
class RedisOutageTest {
    private static final long CIK = 9_900_001L;
    private static final String TICKER = "OUTAGE";
    private static final String STALE = "X-Verdicts-Stale";

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
    void verdictsOutliveARedisOutageAndCatchUpAfterIt() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).header(STALE, nullValue()).body("metricsRevision", is(1)));
        String before = given().get("/api/verdicts/" + TICKER).asString();

        OutageRedis.stop(OwnRedis.NAME);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).header(STALE, is("true")));
        assertEquals(before, given().get("/api/verdicts/" + TICKER).asString());
        given().get("/api/verdicts").then().statusCode(200).header(STALE, is("true"));
        given().get("/q/health/ready").then().statusCode(200);

        // Evaluated during the outage: recorded in PostgreSQL (history), not yet servable from Redis.
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER + "/history")
                .then().statusCode(200).body("size()", is(2)).body("[0].metricsRevision", is(2)));
        given().get("/api/verdicts/" + TICKER).then().body("metricsRevision", is(1));

        OutageRedis.start(OwnRedis.NAME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).header(STALE, nullValue()).body("metricsRevision", is(2)));
    }
}
