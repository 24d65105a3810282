package io.capexwatch.tracker.rest;

import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.tracker.AlphabetQuarters;
import io.capexwatch.tracker.service.MetricsService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metric series as analysts take it away: a date range, and CSV with every figure's source. */
@QuarkusTest
class MetricsExportTest {
    private static final long CIK = 9_900_010L;

    @Inject
    MetricsService metrics;

    @BeforeEach
    void alphabetsQuartersUnderATestTicker() throws Throwable {
        FundamentalsSnapshot alphabet = AlphabetQuarters.snapshot(1, AlphabetQuarters.quarters());
        VertxContextSupport.subscribeAndAwait(() -> metrics.apply(new FundamentalsSnapshot(alphabet.schemaVersion(), CIK,
                "CSVCO", "CSV TEST CO", 1, Instant.parse("2026-05-01T00:00:00Z"), alphabet.quarters(), alphabet.changes())));
    }

    @Test
    void aDateRangeKeepsTheQuartersEndingInIt() {
        given().get("/api/companies/CSVCO/metrics?from=2025-01-01&to=2025-12-31").then().statusCode(200)
                .contentType("application/json")
                .body("quarters.periodEnd", equalTo(List.of("2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31")))
                .body("quarters[2].ttmFcf", equalTo(73_552_000_000L));
    }

    @Test
    void csvHasAHeaderAndOneRowPerQuarterWithItsSources() {
        String csv = given().get("/api/companies/CSVCO/metrics?format=csv&from=2025-09-30&to=2025-09-30").then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", is("attachment; filename=\"CSVCO-metrics.csv\""))
                .extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals(2, lines.size());
        assertEquals("fiscal_year,fiscal_quarter,period_start,period_end,ocf_usd,capex_usd,fcf_usd,capex_to_ocf,"
                + "ttm_ocf_usd,ttm_capex_usd,ttm_fcf_usd,ttm_capex_to_ocf,revenue_usd,ttm_revenue_usd,"
                + "depreciation_amortization_usd,ttm_depreciation_amortization_usd,debt_issued_usd,ttm_debt_issued_usd,"
                + "ttm_fcf_after_finance_leases_usd,ttm_company_fcf_usd,ttm_fcf_margin,ttm_capex_to_revenue,"
                + "ttm_depreciation_amortization_to_revenue,ttm_buybacks_usd,ttm_buybacks_to_fcf,ttm_revenue_growth,"
                + "ttm_ocf_growth,ttm_capex_growth,ttm_depreciation_amortization_growth,ttm_fcf_growth,"
                + "remaining_performance_obligations_usd,remaining_performance_obligations_growth,ttm_funding_gap_usd,"
                + "company_capex_definition,company_capex_note,company_capex_usd,ttm_company_capex_usd,ttm_company_capex_basis,"
                + "ttm_company_capex_to_ocf,company_fcf_definition,company_fcf_source,company_fcf_note,company_fcf_usd,"
                + "ttm_company_defined_fcf_usd,ttm_company_defined_fcf_basis,ttm_company_defined_fcf_derivation,"
                + "off_balance_sheet_commitments_usd,off_balance_sheet_commitments_to_ttm_ocf,commitments,"
                + "latest_filing_accession,latest_filing_form,latest_filing_date,ocf_source,capex_source,flags", lines.get(0));
        assertEquals("2025,3,2025-07-01,2025-09-30,48414000000,23953000000,24461000000,0.4948,"
                + "151424000000,77872000000,73552000000,0.5143,102346000000,385477000000,5611000000,19301000000,,,"
                + ",,0.1908,0.2020,0.0501,,,,,,,,,,0,"
                // no company-defined measures from this (older-style) snapshot
                + ",,,,,,,,,,,,,,,,"
                + "0001652044-25-000091,10-Q,2025-10-30,"
                + "NetCashProvidedByUsedInOperatingActivities reported 0001652044-25-000091,"
                + "PaymentsToAcquirePropertyPlantAndEquipment reported 0001652044-25-000091,"
                + "MISSING_FINANCE_LEASES;MISSING_PROPERTY_SALE_PROCEEDS;MISSING_BUYBACKS", lines.get(1));
        // Accept: text/csv works too.
        given().header("Accept", "text/csv").get("/api/companies/CSVCO/metrics").then().statusCode(200).contentType("text/csv");
    }

    @Test
    void badParametersAre400Problems() {
        given().get("/api/companies/CSVCO/metrics?from=2025-13-01").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", is("from must be a date as YYYY-MM-DD, not '2025-13-01'"));
        given().get("/api/companies/CSVCO/metrics?from=2026-01-01&to=2025-01-01").then().statusCode(400)
                .body("detail", is("from (2026-01-01) is after to (2025-01-01)"));
        given().get("/api/companies/CSVCO/metrics?format=xml").then().statusCode(400)
                .body("detail", is("format must be json or csv, not 'xml'"));
        given().get("/api/companies/CSVCO/metrics?asOf=yesterday").then().statusCode(400)
                .body("detail", is("asOf must be a date as YYYY-MM-DD, not 'yesterday'"));
    }

    @Test
    void pointInTimeNeedsEarningsIngestAndSaysSoWhenItDoesNotAnswer() {
        // No earnings-ingest listens at this test's configured URL: a clear 503, not an empty series.
        given().get("/api/companies/CSVCO/metrics?asOf=2025-11-15").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("title", is("Point-in-time fundamentals unavailable"));
    }
}
