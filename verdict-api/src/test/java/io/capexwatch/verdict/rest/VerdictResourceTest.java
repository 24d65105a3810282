package io.capexwatch.verdict.rest;

import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.rules.VerdictState;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.config.DecoderConfig;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class VerdictResourceTest {
    private static final String ETAG = "\"[0-9a-f]{32}\"";
    /** Revisions (row ids) far above any of this test run's rows, growing as PostgreSQL's do. */
    private static final AtomicLong REVISIONS = new AtomicLong(2_000_000_000L);

    @Inject
    VerdictCache cache;

    @Inject
    ReactiveRedisDataSource redis;

    @BeforeEach
    void aVerdict() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> cache.put(verdict("TSTE", "{\"ticker\":\"TSTE\",\"state\":\"WATCH\","
                + "\"evaluatedAt\":\"2026-05-01T10:15:30Z\"}")));
    }

    @Test
    void verdictsCarryAStrongETagAndAnswer304WhenUnchanged() {
        String etag = given().get("/api/verdicts/TSTE").then()
                .statusCode(200)
                .body("state", is("WATCH"))
                .header("ETag", matchesPattern(ETAG))
                .header("Cache-Control", is("public, max-age=5"))
                .header("Last-Modified", is("Fri, 1 May 2026 10:15:30 GMT"))
                .extract().header("ETag");

        given().header("If-None-Match", etag).get("/api/verdicts/TSTE").then()
                .statusCode(304)
                .header("ETag", is(etag))
                .body(is(emptyString()));
        given().header("If-None-Match", "\"other\", " + etag).get("/api/verdicts/tste").then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get("/api/verdicts/TSTE").then().statusCode(200);
        given().header("If-Modified-Since", "Fri, 01 May 2026 10:15:30 GMT").get("/api/verdicts/TSTE").then().statusCode(304);
        given().header("If-Modified-Since", "Fri, 01 May 2026 10:15:29 GMT").get("/api/verdicts/TSTE").then().statusCode(200);

        String all = given().get("/api/verdicts").then().statusCode(200)
                .body("find { it.ticker == 'TSTE' }.state", is("WATCH"))
                .extract().header("ETag");
        given().header("If-None-Match", all).get("/api/verdicts").then().statusCode(304);
    }

    @Test
    void aChangeAnnouncedOnRedisReachesTheSnapshotAtOnce() throws Throwable {
        String before = given().get("/api/verdicts/TSTE").then().extract().header("ETag");
        // As another replica would: write the verdict, bump the version, announce it.
        VertxContextSupport.subscribeAndAwait(() -> redis.hash(String.class)
                .hset("capexwatch:verdicts", "TSTE", "{\"ticker\":\"TSTE\",\"state\":\"SLIPPING\",\"evaluatedAt\":\"2026-05-02T00:00:00Z\"}")
                .chain(() -> redis.value(Long.class).incr("capexwatch:verdicts:version"))
                .chain(version -> redis.pubsub(Long.class).publish("capexwatch:verdicts:changed", version)));
        // The scheduled refresh runs hourly in tests, so only the announcement can explain a quick update.
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> given().get("/api/verdicts/TSTE").then()
                .body("state", is("SLIPPING"))
                .header("ETag", not(is(before))));
    }

    @Test
    void responsesAreGzippedForClientsThatAcceptIt() {
        given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .get("/api/verdicts").then()
                .statusCode(200)
                .header("Content-Encoding", is("gzip"));
    }

    @Test
    void theGzipVariantIsTheIdentityBytesCompressedWithTheSameHeaders() throws Exception {
        for (String path : List.of("/api/verdicts", "/api/verdicts/TSTE", "/api/verdicts?view=summary")) {
            var identity = raw().get(path).then().statusCode(200).header("Content-Encoding", nullValue()).extract();
            var gzipped = raw().header("Accept-Encoding", "br;q=1.0, gzip;q=0.8").get(path).then()
                    .statusCode(200)
                    .header("Content-Encoding", is("gzip"))
                    .header("Vary", is("Accept-Encoding"))
                    .header("Content-Type", is(identity.header("Content-Type")))
                    .header("ETag", is(identity.header("ETag")))
                    .header("Last-Modified", is(identity.header("Last-Modified")))
                    .header("Cache-Control", is("public, max-age=5"))
                    .extract();
            byte[] compressed = gzipped.asByteArray();
            assertEquals(compressed.length, Integer.parseInt(gzipped.header("Content-Length")), path);
            try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                assertArrayEquals(identity.asByteArray(), in.readAllBytes(), path);
            }
            assertEquals(identity.asByteArray().length, Integer.parseInt(identity.header("Content-Length")), path);
            // The same ETag names both codings: a 304 for either, without a body.
            given().header("Accept-Encoding", "gzip").header("If-None-Match", identity.header("ETag")).get(path).then()
                    .statusCode(304).header("ETag", is(identity.header("ETag"))).header("Content-Encoding", nullValue())
                    .body(is(emptyString()));
            // gzip refused (q=0), or another coding asked for: the identity bytes, never gzip.
            raw().header("Accept-Encoding", "gzip;q=0, identity").get(path).then()
                    .statusCode(200).header("Content-Encoding", nullValue());
        }
    }

    /** Without REST Assured's own Accept-Encoding and decoding: the bytes as sent. */
    private static io.restassured.specification.RequestSpecification raw() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    @Test
    void headAndUnsatisfiableAcceptAreAnsweredAsBefore() {
        var get = given().get("/api/verdicts/TSTE");
        given().head("/api/verdicts/TSTE").then().statusCode(200).header("ETag", is(get.header("ETag")))
                .header("Content-Type", is(get.header("Content-Type")));
        given().accept("text/csv").get("/api/verdicts/TSTE").then()
                .statusCode(406).contentType("application/problem+json").body("status", is(406));
        given().accept("text/csv").get("/api/verdicts").then().statusCode(406).contentType("application/problem+json");
        given().get("/api/verdicts?view=everything").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("https://capexwatch.io/problems/invalid-view"))
                .body("detail", is("view is full (the default) or summary"));
        given().get("/api/verdicts?view=full").then().statusCode(200)
                .header("ETag", is(given().get("/api/verdicts").header("ETag")));
    }

    @Test
    void dashboardsOnOtherOriginsMayRead() {
        given().header("Origin", "https://dashboard.example.com")
                .get("/api/verdicts/TSTE").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", is("https://dashboard.example.com"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void unknownTickerGetsA404Problem() {
        given().when().get("/api/verdicts/NOPE")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("no verdict for ticker NOPE"))
                .body("instance", is("/api/verdicts/NOPE"));
        given().when().get("/api/verdicts/NOPE/history")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void readinessIsHavingAVerdictSnapshotToServe() {
        // PostgreSQL and Kafka are deliberately not in it: their outages delay new verdicts, not reads.
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", not(hasItem(containsString("PostgreSQL"))))
                .body("checks.name", not(hasItem(containsString("Database"))))
                // the messaging check is there, without channels: it reports no Kafka state
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data", nullValue())
                .body("checks.find { it.name == 'verdict snapshot' }.status", is("UP"))
                .body("checks.find { it.name == 'verdict snapshot' }.data.stale", is(false));
    }

    /**
     * The polling route answers ahead of Quarkus' authentication and Quarkus REST (VerdictRoutes.ROUTE_ORDER):
     * what runs before it still runs (CORS, the 414 check), and Micrometer still times it under its template.
     */
    @Test
    void thePollingRouteKeepsCorsLimitsAndMetricsTemplates() {
        given().header("Origin", "https://dashboards.example.com").get("/api/verdicts/TSTE").then()
                .statusCode(200)
                .body("state", is("WATCH"))
                .header("Access-Control-Allow-Origin", is("https://dashboards.example.com"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        // The route ignores a query on one company, but passes a request line too long on to the 414 check.
        given().get("/api/verdicts/TSTE?pad=" + "a".repeat(5_000)).then()
                .statusCode(414).contentType("application/problem+json").body("status", is(414));
        String etag = given().get("/api/verdicts/TSTE").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/verdicts/TSTE").then().statusCode(304);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> polled = metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("/api/verdicts"))
                .map(line -> line.replaceAll(".*uri=\"([^\"]*)\".*", "$1"))
                .distinct().sorted().toList();
        // Series per route template, never one per ticker; a 304 is counted under its route too.
        assertTrue(polled.contains("/api/verdicts/{ticker}"), polled.toString());
        assertTrue(polled.stream().noneMatch(uri -> uri.toUpperCase().contains("TSTE")), polled.toString());
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("status=\"304\"") && line.contains("uri=\"/api/verdicts/{ticker}\"")), metrics);
    }

    @Test
    void openApiAndPrometheusMetricsAreServed() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> cache.put(verdict("TSTG", "{\"ticker\":\"TSTG\",\"state\":\"SLIPPING\","
                + "\"evaluatedAt\":\"2026-05-01T10:15:30Z\",\"basedOn\":{\"accession\":\"x\",\"form\":\"10-Q\",\"filed\":\"2026-04-30\"},"
                + "\"quarters\":[{\"periodEnd\":\"2026-03-31\",\"ttmCapexToOcf\":0.9123,\"ttmFcf\":-1500000000}]}")));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("capexwatch_verdict_state{ticker=\"TSTG\"} 2.0"))
                .body(containsString("capexwatch_ttm_capex_to_ocf{ticker=\"TSTG\"} 0.9123"))
                .body(containsString("capexwatch_ttm_fcf_usd{ticker=\"TSTG\"} -1.5E9"))
                .body(containsString("capexwatch_filing_age_seconds{ticker=\"TSTG\"}"));
    }

    private static VerdictEntity verdict(String ticker, String body) {
        VerdictEntity verdict = new VerdictEntity();
        verdict.id = REVISIONS.incrementAndGet();
        verdict.cik = 1L;
        verdict.ticker = ticker;
        verdict.state = VerdictState.WATCH;
        verdict.stateSince = Instant.parse("2026-05-01T10:15:30Z");
        verdict.evaluatedAt = Instant.parse("2026-05-01T10:15:30Z");
        verdict.body = body;
        return verdict;
    }
}
