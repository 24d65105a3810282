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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    private static HeadlessChromium openBoard(Path profile) throws Exception {
        if (!Files.isExecutable(HeadlessChromium.BINARY)) {
            System.out.println("board check skipped: no " + HeadlessChromium.BINARY + " (apt-get install chromium; .ci/run does)");
            return null;
        }
        HeadlessChromium browser = new HeadlessChromium(profile);
        browser.open(system.url(Service.VERDICT_API) + "/");
        browser.await("document.body.dataset.loaded === 'true' && document.getElementById('connection').textContent.startsWith('live')",
                Duration.ofSeconds(30));
        assertEquals(0, browser.evaluate("document.querySelectorAll('[data-ticker=GOOGL]').length").asInt());
        return browser;
    }

    @AfterAll
    static void stop() {
        if (secondVerdictApi != null) {
            secondVerdictApi.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void alphabetFromCompanyFactsToVerdict(@TempDir Path folder) throws Exception {
        // The board is open before the filing arrives: its GOOGL tile must appear live, without a reload.
        HeadlessChromium browser = openBoard(folder.resolve("chromium-profile"));

        // Through the command-line folder import (./capex-watch import DIR URL), the same API as any client.
        Files.copy(companyFacts, folder.resolve(companyFacts.getFileName()));
        assertEquals(0, new CompanyFactsUploader(system.url(Service.EARNINGS_INGEST), system.admin().apiKey()).uploadFolder(folder));

        if (browser != null) {
            try (browser) {
                browser.await("document.querySelector('[data-ticker=GOOGL]')?.dataset.state === 'WATCH'", Duration.ofSeconds(60));
                assertEquals("63.1%", browser.evaluate("document.querySelector('[data-ticker=GOOGL] .capex-ocf').textContent").asText());
                assertEquals("$64.4B", browser.evaluate("document.querySelector('[data-ticker=GOOGL] .ttm-fcf').textContent").asText());
                assertEquals(1, browser.evaluate("document.querySelectorAll('svg.chart').length").asInt());
                browser.screenshot(Path.of("target", "board.png"));
                browser.evaluate("document.querySelector('[data-ticker=GOOGL]').click()");
                browser.await("document.getElementById('details').open && document.getElementById('details-body').innerText.includes('Depreciation drag')",
                        Duration.ofSeconds(5));
                browser.screenshot(Path.of("target", "board-details.png"));
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
