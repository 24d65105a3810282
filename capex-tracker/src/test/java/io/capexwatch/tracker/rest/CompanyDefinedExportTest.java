package io.capexwatch.tracker.rest;

import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.tracker.AlphabetQuarters;
import io.capexwatch.tracker.AmazonQuarters;
import io.capexwatch.tracker.service.MetricsService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Company-defined metrics through PostgreSQL and out again: JSON and the CSV export, with definition and source. */
@QuarkusTest
class CompanyDefinedExportTest {
    private static final long CIK = 9_140_001L;

    @Inject
    MetricsService metrics;

    @Test
    void companyDefinedFcfWithItsDefinitionInJsonAndCsv() throws Throwable {
        FundamentalsSnapshot snapshot = AlphabetQuarters.snapshotAs(CIK, "XAMC", 1, AmazonQuarters.quarters(List.of(
                AmazonQuarters.commitment("purchase-obligations", "Purchase obligations", 65_345_500_000L, "EXACT"))));
        VertxContextSupport.subscribeAndAwait(() -> metrics.apply(snapshot));
        String q3 = "quarters.find { it.periodEnd == '2025-09-30' }";
        given().get("/api/companies/XAMC/metrics").then().statusCode(200)
                .body(q3 + ".ttmFcf", equalTo(10_560_000_000L))
                .body(q3 + ".companyDefined.fcf.ttm", equalTo(14_788_000_000L))
                .body(q3 + ".companyDefined.fcf.ttmStatus", is("EXACT"))
                .body(q3 + ".companyDefined.fcf.definition", is("Free cash flow"))
                .body(q3 + ".companyDefined.ttmCapexToOcf", is(0.8868f))
                .body(q3 + ".companyDefined.commitments[0].toTtmOcf", is(0.5f))
                .body(q3 + ".companyDefined.measures.find { it.id == 'fcf' }.inputs[2].concept",
                        is("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"));

        String csv = given().get("/api/companies/XAMC/metrics?format=csv&from=2025-09-30&to=2025-09-30").then()
                .statusCode(200).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        List<String> header = List.of(lines.get(0).split(","));
        assertTrue(header.containsAll(List.of("company_fcf_definition", "company_fcf_source", "ttm_company_defined_fcf_usd",
                "ttm_company_defined_fcf_basis", "ttm_company_capex_usd", "off_balance_sheet_commitments_to_ttm_ocf")), header.toString());
        String row = lines.get(1);
        // no definition note: empty beside the definition
        assertTrue(row.contains(",Free cash flow,\"Amazon.com Q3 2025 earnings release (8-K Exhibit 99.1, 2025-10-30), "
                + "'Free Cash Flow' reconciliation\",,,14788000000,EXACT,"), row);
        assertTrue(row.contains(",65345500000,0.5000,purchase-obligations=65345500000 (0.5000x TTM OCF),"), row);
        assertEquals(2, lines.size());
    }

    @Test
    void definitionsNotesTravelWithTheirMeasuresAndCommitmentsIntoJsonAndCsv() throws Throwable {
        String leasesNote = "Unverified concept names: as the company's presentation linkbase lists them";
        String fcfNote = "The proceeds line is Amazon's extension amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives";
        FundamentalsSnapshot snapshot = AlphabetQuarters.snapshotAs(CIK + 1, "XNOTE", 1, AmazonQuarters.withNotes(
                AmazonQuarters.quarters(List.of(
                        AmazonQuarters.commitment("leases-not-yet-commenced", "Leases not yet commenced", 26_138_200_000L, "EXACT"),
                        AmazonQuarters.commitment("purchase-obligations", "Purchase obligations", 65_345_500_000L, "EXACT"))),
                Map.of("leases-not-yet-commenced", leasesNote, "fcf", fcfNote)));
        VertxContextSupport.subscribeAndAwait(() -> metrics.apply(snapshot));
        String q3 = "quarters.find { it.periodEnd == '2025-09-30' }.companyDefined";
        given().get("/api/companies/XNOTE/metrics").then().statusCode(200)
                .body(q3 + ".fcf.note", is(fcfNote))
                .body(q3 + ".fcf.ttm", equalTo(14_788_000_000L))
                .body(q3 + ".capex.note", nullValue())
                .body(q3 + ".commitments.id", equalTo(List.of("leases-not-yet-commenced", "purchase-obligations")))
                .body(q3 + ".commitments[0].note", is(leasesNote))
                .body(q3 + ".commitments[0].amount", equalTo(26_138_200_000L))
                .body(q3 + ".commitments[1].note", nullValue())
                .body(q3 + ".offBalanceSheetCommitments", equalTo(91_483_700_000L))
                .body(q3 + ".measures.find { it.id == 'leases-not-yet-commenced' }.note", is(leasesNote));

        String csv = given().get("/api/companies/XNOTE/metrics?format=csv&from=2025-09-30&to=2025-09-30").then()
                .statusCode(200).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(header.indexOf("company_fcf_source") + 1, header.indexOf("company_fcf_note"), header.toString());
        assertEquals(header.indexOf("company_capex_definition") + 1, header.indexOf("company_capex_note"), header.toString());
        String row = lines.get(1);
        assertTrue(row.contains(",\"Purchases of property and equipment, net of proceeds from sales and incentives\","
                + ",,115903000000,EXACT,"), row);
        assertTrue(row.contains(",Free cash flow,\"Amazon.com Q3 2025 earnings release (8-K Exhibit 99.1, 2025-10-30), "
                + "'Free Cash Flow' reconciliation\"," + fcfNote + ",,14788000000,EXACT,"), row);
        assertEquals(2, lines.size());
    }
}
