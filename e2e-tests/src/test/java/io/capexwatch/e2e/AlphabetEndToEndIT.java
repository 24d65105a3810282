package io.capexwatch.e2e;

import io.capexwatch.localinfra.launch.CapexWatchSystem;
import io.capexwatch.localinfra.Ports;
import io.capexwatch.localinfra.launch.CompanyFactsUploader;
import io.capexwatch.localinfra.launch.ServiceProcess;
import io.capexwatch.localinfra.launch.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black box: the three packaged services as separate processes on one set of real infrastructure.
 * Alphabet's real companyfacts (../shared/edgar) goes in at earnings-ingest; verdict-api must show its
 * quarter ended 2025-09-30 with FCF of exactly $24,461,000,000 and TTM FCF of exactly $73,552,000,000
 * (Alphabet reported $24.5B and $73.6B).
 */
class AlphabetEndToEndIT {
    private static final String Q3_2025 = "quarters.find { it.periodEnd == '2025-09-30' }";
    private static CapexWatchSystem system;
    private static ServiceProcess secondVerdictApi;
    private static Path companyFacts;
    private static final Pattern LOGGED_PROBLEM = Pattern.compile("^\\S+ \\S+ (WARN|ERROR) ");

    @BeforeAll
    static void start() {
        companyFacts = Path.of(System.getProperty("capexwatch.shared.edgar", "../../shared/edgar"), "CIK0001652044.json");
        Assumptions.assumeTrue(Files.isReadable(companyFacts),
                "skipped: real EDGAR file " + companyFacts.toAbsolutePath() + " is absent (see ../shared/edgar/SOURCES.md)");
        Path root = Path.of(System.getProperty("capexwatch.project.root", ".."));
        system = CapexWatchSystem.start(root, null, Path.of("target", "e2e-logs"), Map.of(), CapexWatchSystem.freePorts());
        // A second verdict-api replica on the same PostgreSQL, Redis and Kafka (consumer group shared).
        secondVerdictApi = ServiceProcess.start(Service.VERDICT_API, root, Ports.free(),
                system.infrastructure().endpoints().environment(Service.VERDICT_API.database()),
                Path.of("target", "e2e-logs", "replica-2"), CapexWatchSystem.SERVICE_JVM_OPTIONS);
        secondVerdictApi.awaitReady();
    }

    /** The board in headless Chromium, or null (with a message) where Chromium is not installed. */
    private static HeadlessChromium openBoard() throws Exception {
        if (!Files.isExecutable(HeadlessChromium.BINARY)) {
            System.out.println("board check skipped: no " + HeadlessChromium.BINARY + " (apt-get install chromium; .ci/run does)");
            return null;
        }
        HeadlessChromium browser = new HeadlessChromium();
        browser.open(system.url(Service.VERDICT_API) + "/");
        browser.await("document.body.dataset.loaded === 'true' && document.getElementById('connection').textContent.startsWith('live')",
                Duration.ofSeconds(30));
        // Every watched company has a tile from the start, before any filing: "awaiting first filing" with its
        // EDGAR poll status (earnings-ingest announces the watchlist after start; polling is off here).
        browser.await("['AMZN','CRWV','GOOGL','META','MSFT','NVDA','ORCL'].every(t =>"
                + " document.querySelector('[data-ticker=' + t + ']')?.dataset.state === 'AWAITING_FIRST_FILING')", Duration.ofSeconds(45));
        assertEquals("GOOGL … awaiting first filing CIK 1652044 EDGAR: not polled yet its filings on EDGAR",
                browser.evaluate("document.querySelector('[data-ticker=GOOGL]').innerText.replace(/\\s+/g, ' ').trim()").asText());
        // Figures as analysts write them, by the board's own formatter (exact on whole dollars).
        assertEquals("[\"\u2212$2.5B\",\"$1.25T\",\"$950M\",\"$24.0B\",\"\u2212$400M\",\"$1.0T\",\"\u22122.7%\",\"+50.0%\"]",
                browser.evaluate("JSON.stringify([money(-2500000000), money(1250000000000), money(950000000), money(23953000000),"
                        + " money(-400000000), money(999500000000), percent(-0.0268), growth(0.5)])").asText());
        return browser;
    }

    /**
     * The second replica stops on SIGTERM, as Kubernetes stops a pod, while the rest of the system runs on: its
     * stop logs no warning and no error (before its jobs stopped with it, every round failed on closed clients).
     */
    @AfterAll
    static void stop() throws Exception {
        try {
            if (secondVerdictApi != null) {
                long before = Files.size(secondVerdictApi.log());
                secondVerdictApi.close();
                byte[] log = Files.readAllBytes(secondVerdictApi.log());
                String stopping = new String(log, (int) before, log.length - (int) before, StandardCharsets.UTF_8);
                assertTrue(stopping.contains("verdict-api stopped in"), stopping);
                assertEquals(List.of(), stopping.lines().filter(line -> LOGGED_PROBLEM.matcher(line).find()).toList());
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    /** The board after Alphabet's import: tiles, EDGAR links, keyboard, peer grid, group, phone width; screenshots. */
    private static void checkBoard(HeadlessChromium browser) throws Exception {
        browser.await("document.querySelector('[data-ticker=GOOGL]')?.dataset.state === 'WATCH'", Duration.ofSeconds(60));
        assertEquals("63.1%", browser.evaluate("document.querySelector('[data-ticker=GOOGL] .capex-ocf').textContent").asText());
        assertEquals("$64.4B", browser.evaluate("document.querySelector('[data-ticker=GOOGL] .ttm-fcf').textContent").asText());
        assertEquals(1, browser.evaluate("document.querySelectorAll('[data-ticker=GOOGL] svg.chart').length").asInt());
        // The state is in words and an icon, not only in colour; the figure is one click from its filing.
        assertEquals("! watch", browser.evaluate("document.querySelector('[data-ticker=GOOGL] .badge').textContent.trim()").asText());
        assertEquals("https://www.sec.gov/Archives/edgar/data/1652044/000165204426000048/",
                browser.evaluate("document.querySelector('[data-ticker=GOOGL] .ttm-fcf a').href").asText());
        assertEquals("AWAITING_FIRST_FILING", browser.evaluate("document.querySelector('[data-ticker=META]').dataset.state").asText());
        browser.await("document.querySelector('[data-ticker=AMZN] .capex-ocf') !== null", Duration.ofSeconds(60));

        // A company added to the watchlist appears without a reload.
        given().baseUri(system.url(Service.EARNINGS_INGEST)).header("X-API-Key", system.admin().apiKey())
                .contentType("application/json").body("{\"ticker\": \"AAPL\", \"cik\": 320193}")
                .post("/api/companies").then().statusCode(201);
        browser.await("document.querySelector('[data-ticker=AAPL]')?.dataset.state === 'AWAITING_FIRST_FILING'", Duration.ofSeconds(40));

        // Peer grid: the newest calendar quarter first, then 2025 Q3 chosen; each figure links to its filing.
        browser.await("document.getElementById('peers').dataset.loaded === '2026Q1'"
                + " && document.querySelectorAll('#peer-table tr[data-ticker]').length === 2", Duration.ofSeconds(20));
        browser.evaluate("(() => { const s = document.getElementById('peer-quarter'); s.value = '2025Q3';"
                + " s.dispatchEvent(new Event('change')); })()");
        browser.await("document.getElementById('peers').dataset.loaded === '2025Q3'", Duration.ofSeconds(10));
        assertEquals("$24.0B", browser.evaluate("document.querySelector('#peer-table tr[data-ticker=GOOGL] td.capex').textContent").asText());
        // Amazon's 2025 Q3: capex 92,297 - 57,202 = $35,095M, OCF 85,055 - 49,530 = $35,525M, FCF $430M.
        assertEquals("$35.1B $35.5B $430M", browser.evaluate("['capex', 'ocf', 'fcf'].map(c =>"
                + " document.querySelector('#peer-table tr[data-ticker=AMZN] td.' + c).textContent).join(' ')").asText());
        assertEquals("AMZN,GOOGL", browser.evaluate("[...document.querySelectorAll('#peer-table tr[data-ticker]')].map(r => r.dataset.ticker).join()").asText());
        assertEquals("$24.5B", browser.evaluate("document.querySelector('#peer-table tr[data-ticker=GOOGL] td.fcf').textContent").asText());
        assertEquals("https://www.sec.gov/Archives/edgar/data/1652044/000165204425000091/",
                browser.evaluate("document.querySelector('#peer-table tr[data-ticker=GOOGL] td.capex a').href").asText());
        assertEquals("FY2025 Q3 to 2025-09-30",
                browser.evaluate("document.querySelector('#peer-table tr[data-ticker=GOOGL] td.ticker small').textContent").asText());
        browser.evaluate("document.querySelector('#peer-table button[data-sort=ocf]').click()");
        browser.await("document.querySelector('#peer-table button[data-sort=ocf]')?.parentElement.getAttribute('aria-sort') === 'descending'",
                Duration.ofSeconds(10));
        assertEquals("GOOGL,AMZN", browser.evaluate("[...document.querySelectorAll('#peer-table tr[data-ticker]')].map(r => r.dataset.ticker).join()").asText());
        assertEquals("/api/peers?quarter=2025Q3&format=csv", browser.evaluate("new URL(document.getElementById('peer-csv').href).pathname"
                + " + new URL(document.getElementById('peer-csv').href).search").asText());
        // The group: 2025 Q3 capex 23,953 + 35,095 = $59,048M.
        browser.await("document.getElementById('group').dataset.loaded === '2026Q1'", Duration.ofSeconds(20));
        assertEquals("$59.0B", browser.evaluate("document.querySelector('#group-table tr[data-quarter=\"2025Q3\"] td.capex').textContent").asText());
        // Amazon's sample starts in 2024 Q1, so its first TTM is 2024 Q4: the 2024 Q3 TTM sum says it lacks Amazon.
        assertEquals("$49.3Bwithout AMZN", browser.evaluate("document.querySelector('#group-table tr[data-quarter=\"2024Q3\"] td.ttm-capex').textContent").asText());
        browser.screenshot(Path.of("target", "board.png"));
        browser.screenshot("#peers", Path.of("target", "board-peers.png"));

        // Keyboard: Tab reaches the tile (it is focusable), Enter opens the rules, quarters and timeline.
        browser.evaluate("document.querySelector('[data-ticker=GOOGL]').focus()");
        browser.press("Enter", 13);
        browser.await("document.getElementById('details').open && document.getElementById('details-body').innerText.includes('Depreciation drag')"
                + " && document.getElementById('timeline').innerText.includes('Verdict timeline')", Duration.ofSeconds(10));
        assertEquals("https://www.sec.gov/Archives/edgar/data/1652044/000165204426000048/",
                browser.evaluate("document.querySelector('#timeline table a').href").asText());
        browser.evaluate("document.getElementById('timeline').scrollIntoView({block: 'end'})");
        browser.screenshot(Path.of("target", "board-details.png"));
        browser.evaluate("document.getElementById('details').close()");

        // Phone width: one column, nothing wider than the screen (the peer grid scrolls inside its panel).
        browser.viewport(375, 812, true);
        browser.await("document.documentElement.scrollWidth <= 375", Duration.ofSeconds(5));
        browser.evaluate("scrollTo(0, 0)");
        browser.screenshot(Path.of("target", "board-phone.png"));
        browser.viewport(1280, 900, false);
    }

    @Test
    void alphabetFromCompanyFactsToVerdict(@TempDir Path folder) throws Exception {
        // The board is open before the filing arrives: its GOOGL tile must appear live, without a reload.
        HeadlessChromium browser = openBoard();

        // Through the command-line folder import (./capex-watch import DIR URL), the same API as any client.
        Files.copy(companyFacts, folder.resolve(companyFacts.getFileName()));
        // Amazon's sample (our document from its published cash-flow statements) too, for the peer grid and the group.
        Path root = Path.of(System.getProperty("capexwatch.project.root", ".."));
        Files.copy(root.resolve("samples/companyfacts/CIK0001018724.json"), folder.resolve("CIK0001018724.json"));
        assertEquals(0, new CompanyFactsUploader(system.url(Service.EARNINGS_INGEST), system.admin().apiKey()).uploadFolder(folder));

        if (browser != null) {
            try (browser) {
                checkBoard(browser);
            }
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(system.url(Service.VERDICT_API)).get("/api/verdicts/GOOGL")
                        .then().statusCode(200).body("periodEnd", is("2026-03-31")));

        given().baseUri(system.url(Service.VERDICT_API)).get("/api/verdicts/GOOGL").then()
                .body("cik", is(1652044))
                .body("state", is("WATCH"))
                .body("basedOn.accession", is("0001652044-26-000048"))
                .body("basedOn.form", is("10-Q"))
                .body(Q3_2025 + ".fiscalYear", is(2025))
                .body(Q3_2025 + ".fiscalQuarter", is(3))
                .body(Q3_2025 + ".fcf", equalTo(24_461_000_000L))
                .body(Q3_2025 + ".ttmFcf", equalTo(73_552_000_000L))
                .body(Q3_2025 + ".accession", is("0001652044-25-000091"))
                .body("rules.find { it.rule == 'capex-intensity' }.inputs.ttmCapex", equalTo(109_924_000_000L))
                .body("rules.find { it.rule == 'capex-intensity' }.outcome", is("WATCH"))
                // Revenue and depreciation flow through as well: the real filings drive these two rules.
                .body("rules.find { it.rule == 'monetization-pace' }.inputs.ttmRevenueGrowth", is(0.1745f))
                .body("rules.find { it.rule == 'depreciation-drag' }.outcome", is("WATCH"))
                .body("rules.find { it.rule == 'payback' }.inputs.incrementalReturn", is(0.7234f));

        given().baseUri(system.url(Service.VERDICT_API)).get("/api/verdicts").then()
                .statusCode(200)
                .body("find { it.ticker == 'GOOGL' }.state", is("WATCH"));

        // Both replicas answer with the same bytes and the same ETag, whichever of them evaluated GOOGL.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var first = given().baseUri(system.url(Service.VERDICT_API)).get("/api/verdicts");
            var second = given().baseUri(secondVerdictApi.baseUrl()).get("/api/verdicts");
            assertEquals(first.asString(), second.asString());
            assertEquals(first.header("ETag"), second.header("ETag"));
        });
        given().baseUri(secondVerdictApi.baseUrl()).header("If-None-Match",
                        given().baseUri(system.url(Service.VERDICT_API)).get("/api/verdicts/GOOGL").header("ETag"))
                .get("/api/verdicts/GOOGL").then().statusCode(304);

        // The same figure, traced back: tracker metrics, then ingest fundamentals with the filing it came from.
        given().baseUri(system.url(Service.CAPEX_TRACKER)).get("/api/companies/GOOGL/metrics").then()
                .body(Q3_2025 + ".ocf", equalTo(48_414_000_000L))
                .body(Q3_2025 + ".capex", equalTo(23_953_000_000L))
                .body(Q3_2025 + ".ttmOcf", equalTo(151_424_000_000L))
                .body(Q3_2025 + ".ttmCapex", equalTo(77_872_000_000L));
        // Point in time: the metrics as known before and after the Q3 2025 10-Q was filed (2025-10-30).
        given().baseUri(system.url(Service.CAPEX_TRACKER)).get("/api/companies/GOOGL/metrics?asOf=2025-10-29").then()
                .statusCode(200)
                .body("asOf", is("2025-10-29"))
                .body("quarters.periodEnd.max()", is("2025-06-30"));
        given().baseUri(system.url(Service.CAPEX_TRACKER)).get("/api/companies/GOOGL/metrics?asOf=2025-11-15").then()
                .statusCode(200)
                .body("quarters.periodEnd.max()", is("2025-09-30"))
                .body(Q3_2025 + ".ttmFcf", equalTo(73_552_000_000L))
                .body(Q3_2025 + ".extended.ttmFcfMargin", is(0.1908f));
        given().baseUri(system.url(Service.EARNINGS_INGEST)).get("/api/companies/GOOGL/fundamentals").then()
                .body("find { it.periodEnd == '2025-09-30' }.values.CAPEX.provenance.derivation", is("9M-6M"))
                .body("find { it.periodEnd == '2025-09-30' }.values.CAPEX.provenance.filing.accession",
                        is("0001652044-25-000091"));
    }
}
