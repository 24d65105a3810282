package io.capexwatch.ingest.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.capexwatch.ingest.Admin.asAdmin;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * verdict-api learns the watchlist from the filing-status topic: every watched company is announced after
 * start (EDGAR polling off, as in this test), also one the seeder adds while another replica holds the
 * watchlist lock, and a company added through the API at once, not at the next announcement an hour later.
 */
@QuarkusTest
@TestProfile(WatchlistAnnouncementTest.Announcing.class)
class WatchlistAnnouncementTest {
    private static final long NEW_CIK = 9_800_001L;
    /** Configured for this test's application only: the seeder adds it at start, after the held lock. */
    private static final long SEEDED_LATE_CIK = 9_800_002L;

    /**
     * The first announcement 1 s after start, while the seeder waits {@link SeedingHeldResource#HELD_AFTER_SEEDER_WAITS}
     * (3 s) for the watchlist lock. Scheduled jobs begin only after seeding (company.ScheduledJobsStart); when they
     * began with the scheduler, the announcement listed the companies before SEEDLATE was added (CI caught it:
     * the announcement ran before a fresh database's seeding and AMZN, seeded last, stayed unannounced).
     */
    public static class Announcing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("capexwatch.filing-status.announce-interval", "1h", "capexwatch.filing-status.announce-delay", "1s",
                    "capexwatch.watchlist.SEEDLATE", Long.toString(SEEDED_LATE_CIK));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SeedingHeldResource.class));
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Test
    void everyWatchedCompanyIsAnnouncedAndANewOneAtOnce() {
        // The module's tests share one database: earlier ones may have polled a company, so each announcement
        // must carry the status the API reports now, whatever it is.
        List<Map<String, Object>> watched = given().get("/api/companies").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertTrue(watched.size() >= 8, () -> "the default watchlist and SEEDLATE: " + watched);
        assertTrue(watched.stream().anyMatch(c -> "SEEDLATE".equals(c.get("ticker"))), () -> "SEEDLATE seeded: " + watched);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, JsonNode> announced = latestByCik();
            for (Map<String, Object> company : watched) {
                String cik = String.valueOf(company.get("cik"));
                JsonNode status = announced.get(cik);
                assertNotNull(status, () -> "no status of CIK " + cik);
                assertEquals(company.get("ticker"), status.path("ticker").asText());
                assertEquals(company.get("status"), status.path("status").asText());
            }
        });
        assertEquals("NVDA", latestByCik().get("1045810").path("ticker").asText());
        assertEquals("AWAITING_FIRST_POLL", latestByCik().get(Long.toString(SEEDED_LATE_CIK)).path("status").asText());
        try {
            asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"newco\", \"cik\": " + NEW_CIK + "}")
                    .post("/api/companies").then().statusCode(201);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode added = latest(Long.toString(NEW_CIK));
                assertEquals("NEWCO", added.path("ticker").asText());
                assertEquals("AWAITING_FIRST_POLL", added.path("status").asText());
                assertTrue(added.path("lastFiling").isNull(), added::toString);
            });
        } finally {
            asAdmin().delete("/api/companies/NEWCO").then().statusCode(204);
            // The module's other applications do not configure it: off the watchlist for them, as for the board.
            asAdmin().delete("/api/companies/SEEDLATE").then().statusCode(204);
        }
        // Removed: announced NOT_WATCHED at once, so the board drops its tile.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode removed = latest(Long.toString(NEW_CIK));
            assertEquals("NEWCO", removed.path("ticker").asText());
            assertEquals("NOT_WATCHED", removed.path("status").asText());
            assertEquals("removed from the watchlist: no longer polled; its stored filings stay", removed.path("detail").asText());
        });
    }

    /** The newest filing-status record of a CIK; fails (for awaitility) while there is none. */
    private JsonNode latest(String cik) {
        JsonNode status = latestByCik().get(cik);
        if (status == null) {
            throw new AssertionError("no status of CIK " + cik);
        }
        return status;
    }

    /** Every CIK's newest filing-status record on the topic. */
    private Map<String, JsonNode> latestByCik() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            List<ConsumerRecord<String, String>> records = kafka.consumeStrings()
                    .fromTopics("capexwatch.filing-status", Duration.ofSeconds(3)).awaitCompletion().getRecords();
            Map<String, JsonNode> latest = new HashMap<>();
            records.forEach(r -> latest.put(r.key(), read(r.value())));
            return latest;
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
