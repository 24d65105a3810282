package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.localinfra.EmbeddedRedisServer;
import io.capexwatch.localinfra.Ports;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

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
@TestProfile(RedisOutageTest.OwnRedis.class)
class RedisOutageTest {
    private static final long CIK = 9_900_001L;
    private static final String TICKER = "OUTAGE";
    private static final String STALE = "X-Verdicts-Stale";

    /**
     * Its own Redis, so stopping it leaves the other test classes alone. The port is kept in a JVM-wide
     * system property and the server is controlled over the wire, because Quarkus may load this profile
     * and the test in different class loaders.
     */
    public static class OwnRedis implements QuarkusTestProfile {
        private static final String PORT_PROPERTY = "capexwatch.test.outage-redis-port";

        static int port() {
            synchronized (System.class) {
                if (System.getProperty(PORT_PROPERTY) == null) {
                    int port = Ports.free();
                    EmbeddedRedisServer.start(null, port);
                    System.setProperty(PORT_PROPERTY, Integer.toString(port));
                }
                return Integer.getInteger(PORT_PROPERTY);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port(),
                    "capexwatch.cache.refresh-interval", "1s");
        }
    }

    /** Stops the server the way an outage would: it is gone, without saving. */
    private static void shutDownRedis() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", OwnRedis.port())) {
            socket.getOutputStream().write("SHUTDOWN NOSAVE\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.getInputStream().read(); // returns at EOF, when the server has gone
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @AfterAll
    static void stopRedis() throws IOException {
        shutDownRedis();
    }

    @Test
    void verdictsOutliveARedisOutageAndCatchUpAfterIt() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).header(STALE, nullValue()).body("metricsRevision", is(1)));
        String before = given().get("/api/verdicts/" + TICKER).asString();

        shutDownRedis();
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

        EmbeddedRedisServer.start(null, OwnRedis.port());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).header(STALE, nullValue()).body("metricsRevision", is(2)));
    }
}
