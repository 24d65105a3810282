package io.capexwatch.e2e;

import io.capexwatch.localinfra.EdgarStub;
import io.capexwatch.localinfra.launch.CapexWatchSystem;
import io.capexwatch.localinfra.launch.Service;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of every service on one PostgreSQL, Redis and Kafka, all started at once (so Flyway runs
 * concurrently on each database), polling a loopback EDGAR that serves Alphabet's real companyfacts. Shows:
 * one replica polls, each document is fetched once, every verdict is evaluated once and none is lost, and
 * both verdict-api instances answer with identical bytes and ETags.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasEndToEndIT {
    private static final String SUBMISSIONS = "/submissions/CIK0001652044.json";
    private static final String COMPANY_FACTS = "/api/xbrl/companyfacts/CIK0001652044.json";
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    private static EdgarStub edgar;
    private static CapexWatchSystem system;

    @BeforeAll
    static void start() throws IOException {
        Path companyFacts = Path.of(System.getProperty("capexwatch.shared.edgar", "../../shared/edgar"), "CIK0001652044.json");
        Assumptions.assumeTrue(Files.isReadable(companyFacts),
                "skipped: real EDGAR file " + companyFacts.toAbsolutePath() + " is absent (see ../shared/edgar/SOURCES.md)");
        edgar = new EdgarStub();
        edgar.serve(COMPANY_FACTS, Files.readAllBytes(companyFacts));
        try (InputStream submissions = ReplicasEndToEndIT.class.getResourceAsStream("/edgar/submissions_CIK0001652044.json")) {
            edgar.serve(SUBMISSIONS, submissions.readAllBytes());
        }
        Path root = Path.of(System.getProperty("capexwatch.project.root", ".."));
        system = CapexWatchSystem.start(root, null, Path.of("target", "e2e-logs", "replicas"), Map.of(
                "CAPEXWATCH_EDGAR_BASE_URL", edgar.baseUrl(),
                // Each replica polls under its own User-Agent, so the stub can tell which one asked.
                "CAPEXWATCH_EDGAR_USER_AGENT", "capex-watch e2e replica-{replica} e2e@example.com",
                "CAPEXWATCH_EDGAR_POLL_INTERVAL", POLL_INTERVAL.toSeconds() + "s",
                "CAPEXWATCH_EDGAR_FIRST_POLL_DELAY", "1s"), CapexWatchSystem.freePorts(), 2);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (edgar != null) {
            edgar.close();
        }
    }

    @Test
    @Order(1)
    void twoReplicasOfEachServicePollOnceEvaluateOnceAndAnswerAlike() throws InterruptedException {
        List<String> verdictApis = system.urls(Service.VERDICT_API);
        assertEquals(2, verdictApis.size());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String url : verdictApis) {
                given().baseUri(url).get("/api/verdicts/GOOGL").then().statusCode(200)
                        .body("periodEnd", is("2026-03-31"))
                        .body("basedOn.accession", is("0001652044-26-000048"));
            }
        });

        // Let several more poll rounds pass: the 10-Q is known, so only conditional submissions requests follow.
        Thread.sleep(POLL_INTERVAL.multipliedBy(4));

        List<EdgarStub.Request> polls = edgar.requests(SUBMISSIONS);
        Set<String> pollers = polls.stream().map(r -> r.header("User-Agent")).collect(Collectors.toSet());
        assertEquals(1, pollers.size(), "exactly one replica polls EDGAR: " + pollers);
        assertTrue(polls.size() >= 4, "polled every interval: " + polls.size());
        assertTrue(polls.stream().skip(1).allMatch(r -> r.status() == 304), "unchanged submissions cost a 304: " + polls);
        assertEquals(1, edgar.requests(COMPANY_FACTS).size(), "companyfacts fetched once: " + edgar.requests(COMPANY_FACTS));

        // One companyfacts document, so one fundamentals revision, one metrics revision and one verdict, on
        // whichever replicas consumed it; both ingest replicas report the same state.
        for (String url : system.urls(Service.EARNINGS_INGEST)) {
            given().baseUri(url).get("/api/companies").then().statusCode(200)
                    .body("find { it.ticker == 'GOOGL' }.revision", is(1))
                    .body("find { it.ticker == 'GOOGL' }.publishedRevision", is(1))
                    .body("find { it.ticker == 'GOOGL' }.status", is("UP_TO_DATE"))
                    .body("find { it.ticker == 'GOOGL' }.lastFiling.accession", is("0001652044-26-000048"));
        }
        for (String url : system.urls(Service.CAPEX_TRACKER)) {
            given().baseUri(url).get("/api/companies/GOOGL/metrics").then().statusCode(200)
                    .body("quarters.find { it.periodEnd == '2025-09-30' }.ttmFcf", equalTo(73_552_000_000L));
        }
        Response first = given().baseUri(verdictApis.get(0)).get("/api/verdicts");
        Response second = given().baseUri(verdictApis.get(1)).get("/api/verdicts");
        assertEquals(first.asString(), second.asString());
        assertEquals(first.header("ETag"), second.header("ETag"));
        for (String url : verdictApis) {
            given().baseUri(url).get("/api/verdicts/GOOGL/history").then().statusCode(200)
                    .body("size()", is(1))
                    .body("[0].metricsRevision", is(1))
                    .body("[0].state", is("WATCH"));
        }
    }

    @Test
    @Order(2)
    void anEarningsReleaseShowsAsResultsReleasedAwaitingTheTenQ() throws Exception {
        HeadlessChromium browser = openBoard();

        // Alphabet files its earnings release (8-K item 2.02); the 10-Q with the figures comes days later.
        try (InputStream submissions = ReplicasEndToEndIT.class.getResourceAsStream("/edgar/submissions_CIK0001652044_earnings_release.json")) {
            edgar.serve(SUBMISSIONS, submissions.readAllBytes());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String url : system.urls(Service.VERDICT_API)) {
                given().baseUri(url).get("/api/verdicts/GOOGL").then().statusCode(200)
                        .body("filing.status", is("RESULTS_RELEASED_AWAITING_FILING"))
                        .body("filing.resultsRelease.accession", is("0001652044-26-999001"))
                        .body("filing.resultsRelease.filed", is("2026-07-23"))
                        .body("filing.lastFiling.accession", is("0001652044-26-000048"))
                        .body("state", is("WATCH"));
            }
        });
        if (browser != null) {
            try (browser) {
                browser.await("document.querySelector('[data-ticker=GOOGL] .filing-status')?.textContent"
                        + " === 'results released 2026-07-23, awaiting 10-Q'", Duration.ofSeconds(30));
                browser.screenshot(Path.of("target", "board-results-released.png"));
            }
        }
        // Still one verdict: the status rides on it, it is not a new evaluation.
        given().baseUri(system.url(Service.VERDICT_API)).get("/api/verdicts/GOOGL/history").then().body("size()", is(1));
    }

    /**
     * The group's share of all US filers' capex, from SEC frames we wrote (Alphabet's real 2025 and 2026 Q1 capex,
     * three made-up filers): read by earnings-ingest through its EDGAR client, served by verdict-api, on the board.
     */
    @Test
    @Order(3)
    void theGroupsShareOfAllFilersCapexFromTheSecFrames() throws Exception {
        String ppe = "PaymentsToAcquirePropertyPlantAndEquipment";
        String productive = "PaymentsToAcquireProductiveAssets";
        // The board of the test before asked already, when EDGAR had no such frame (a 404, not cached).
        int asked = edgar.requests(SecFrames.path(ppe, "CY2025")).size();
        Instant served = Instant.now();
        edgar.serve(SecFrames.path(ppe, "CY2025"), SecFrames.frame(ppe, "Payments to Acquire Property, Plant, and Equipment", "CY2025",
                SecFrames.entry("0001652044-26-000018", 1652044, "Alphabet Inc.", "2025-01-01", "2025-12-31", 91_447_000_000L),
                SecFrames.entry("0009990001-26-000001", 9990001, "Example Utility Co", "2025-01-01", "2025-12-31", 150_000_000_000L),
                SecFrames.entry("0009990002-26-000002", 9990002, "Example Rail Co", "2025-01-01", "2025-12-31", 20_000_000_000L)));
        edgar.serve(SecFrames.path(productive, "CY2025"), SecFrames.frame(productive, "Payments to Acquire Productive Assets", "CY2025",
                SecFrames.entry("0009990003-26-000003", 9990003, "Example Retail Co", "2025-02-02", "2026-01-31", 38_553_000_000L)));
        edgar.serve(SecFrames.path(ppe, "CY2026Q1"), SecFrames.frame(ppe, "Payments to Acquire Property, Plant, and Equipment", "CY2026Q1",
                SecFrames.entry("0001652044-26-000048", 1652044, "Alphabet Inc.", "2026-01-01", "2026-03-31", 35_674_000_000L),
                SecFrames.entry("0009990001-26-000011", 9990001, "Example Utility Co", "2026-01-01", "2026-03-31", 40_000_000_000L)));
        edgar.serve(SecFrames.path(productive, "CY2026Q1"), SecFrames.frame(productive, "Payments to Acquire Productive Assets", "CY2026Q1"));

        for (String url : system.urls(Service.VERDICT_API)) {
            given().baseUri(url).get("/api/group/all-filers/CY2025").then().statusCode(200)
                    .body("filers", is(4))
                    .body("totalUsd", equalTo(300_000_000_000L))
                    .body("watchedUsd", equalTo(91_447_000_000L))
                    .body("share", is(0.3048f))
                    .body("watched.ticker", is(List.of("GOOGL")))
                    // When earnings-ingest fetched the frames: after they were served here, never in the future.
                    .body("asOf", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"));
            Instant asOf = Instant.parse(given().baseUri(url).get("/api/group/all-filers/CY2025").then().extract().path("asOf"));
            assertTrue(!asOf.isBefore(served) && !asOf.isAfter(Instant.now()), "asOf " + asOf + " after " + served);
            given().baseUri(url).get("/api/group/all-filers/CY2026Q1").then().statusCode(200)
                    .body("filers", is(2)).body("share", is(0.4714f));
            given().baseUri(url).get("/api/group/all-filers/CY2025Q3").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        // Fair access: through earnings-ingest's EDGAR client (its User-Agent), each frame fetched once for both
        // verdict-api replicas and then cached.
        assertEquals(asked + 1, edgar.requests(SecFrames.path(ppe, "CY2025")).size());
        assertTrue(edgar.requests(SecFrames.path(ppe, "CY2025")).getLast().header("User-Agent").startsWith("capex-watch e2e replica-"));
        assertEquals(0, edgar.requests(SecFrames.path(ppe, "CY2025Q3")).size());

        HeadlessChromium browser = openBoard();
        if (browser != null) {
            try (browser) {
                browser.await("document.getElementById('all-filers').dataset.loaded === 'true'", Duration.ofSeconds(30));
                assertEquals("30.5%", browser.evaluate("document.querySelector('#all-filers tr[data-period=CY2025] .share').textContent").asText());
                assertEquals("4", browser.evaluate("document.querySelector('#all-filers tr[data-period=CY2025] .filers').textContent").asText());
                assertEquals("47.1%", browser.evaluate("document.querySelector('#all-filers tr[data-period=CY2026Q1] .share').textContent").asText());
                browser.screenshot("#group", Path.of("target", "board-group.png"));
            }
        }
    }

    /** The second verdict-api replica's board, live, or null (with a message) where Chromium is not installed. */
    private static HeadlessChromium openBoard() throws Exception {
        if (!Files.isExecutable(HeadlessChromium.BINARY)) {
            System.out.println("board check skipped: no " + HeadlessChromium.BINARY + " (apt-get install chromium; .ci/run does)");
            return null;
        }
        HeadlessChromium browser = new HeadlessChromium();
        browser.open(system.urls(Service.VERDICT_API).get(1) + "/");
        browser.await("document.querySelector('[data-ticker=GOOGL]')?.dataset.state === 'WATCH'"
                + " && document.getElementById('connection').textContent.startsWith('live')", Duration.ofSeconds(120));
        return browser;
    }
}
