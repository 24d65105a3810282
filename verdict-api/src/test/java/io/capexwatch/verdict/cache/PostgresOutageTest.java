package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.localinfra.EmbeddedPostgresServer;
import io.capexwatch.localinfra.Ports;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
@TestProfile(PostgresOutageTest.OwnPostgres.class)
class PostgresOutageTest {
    private static final long CIK = 9_900_004L;
    private static final String TICKER = "PGDOWN";

    /** Stopping and starting the test's own PostgreSQL, through JMX (see {@link OwnPostgres}). */
    public interface Control {
        void stop() throws IOException;

        void start();
    }

    /**
     * Its own PostgreSQL, so stopping it leaves the other test classes alone. Quarkus loads this profile and
     * the test in different class loaders, so the test reaches the server through the platform MBean server
     * and reads its port from a system property.
     */
    public static class OwnPostgres implements QuarkusTestProfile, Control {
        private static final String PORT = "capexwatch.test.outage-pg-port";
        private Path dataDir;
        private EmbeddedPostgresServer server;

        static int port() {
            synchronized (System.class) {
                if (System.getProperty(PORT) == null) {
                    try {
                        OwnPostgres control = new OwnPostgres();
                        control.dataDir = Files.createTempDirectory("capexwatch-pg-outage-");
                        System.setProperty(PORT, Integer.toString(Ports.free()));
                        control.start();
                        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(control, Control.class), CONTROL);
                    } catch (IOException | JMException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return Integer.getInteger(PORT);
            }
        }

        @Override
        public synchronized void stop() throws IOException {
            server.close();
        }

        @Override
        public synchronized void start() {
            server = EmbeddedPostgresServer.start(dataDir, List.of("verdict"), Integer.getInteger(PORT));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            String hostPort = "127.0.0.1:" + port() + "/verdict";
            return Map.of("quarkus.datasource.reactive.url", "postgresql://" + hostPort,
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort,
                    "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                    "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
        }
    }

    private static final ObjectName CONTROL = objectName("io.capexwatch.test:type=OutagePostgres");

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void postgres(String operation) throws JMException {
        ManagementFactory.getPlatformMBeanServer().invoke(CONTROL, operation, null, null);
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @AfterAll
    static void stopAfterwards() throws JMException {
        postgres("stop");
    }

    @Test
    void verdictsAreServedThroughAPostgresOutageAndNothingIsLost() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).body("metricsRevision", is(1)));
        String before = given().get("/api/verdicts/" + TICKER).asString();

        postgres("stop");
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 2));
        // Served from memory, ready, while the new metrics wait for PostgreSQL.
        for (int i = 0; i < 5; i++) {
            assertEquals(before, given().get("/api/verdicts/" + TICKER).then().statusCode(200).extract().asString());
            given().get("/q/health/ready").then().statusCode(200);
            Thread.sleep(1000);
        }

        postgres("start");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER).then()
                .statusCode(200).body("metricsRevision", is(2)));
        given().get("/api/verdicts/" + TICKER + "/history").then().statusCode(200).body("size()", is(2));
    }
}
