package io.capexwatch.ingest.rest;

import io.capexwatch.ingest.Documents;
import io.capexwatch.ingest.StoredFacts;
import io.capexwatch.ingest.XbrlDocuments;
import io.capexwatch.ingest.definitions.DefinitionsLoader;
import io.capexwatch.ingest.definitions.FactSource;
import io.capexwatch.ingest.definitions.MeasureEvaluator;
import io.capexwatch.ingest.definitions.MeasureValue;
import io.capexwatch.ingest.edgar.XbrlFact;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.capexwatch.ingest.XbrlDocuments.AMAZON_FY2022;
import static io.capexwatch.ingest.XbrlDocuments.AMAZON_Q3_2025;
import static io.capexwatch.ingest.XbrlDocuments.APPLE_Q2_2025;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/imports with a filing's own XBRL, over HTTP on the real PostgreSQL and Kafka: real filings from
 * ../shared/edgar (Amazon's FY2022 10-K instance, Apple's 10-Q in both forms) and our Amazon Q3 2025 excerpt.
 * Each test uses a company of its own (the document's CIK replaced in memory).
 */
@QuarkusTest
class XbrlImportTest {
    private static final long AMAZON = 1_018_724L;
    private static final long APPLE = 320_193L;

    static ValidatableResponse post(byte[] document, String contentType, String query) {
        return asAdmin().contentType(contentType).body(document).when().post("/api/imports" + query).then();
    }

    @Test
    void amazonsTenKInstanceIsStoredWithExtensionConceptsAndDimensions() {
        long cik = 9_110_001L;
        Documents.watch("XAMZ", cik);
        byte[] tenK = XbrlDocuments.as(XbrlDocuments.shared("amzn-20221231_htm.xml"), AMAZON, cik);

        io.restassured.response.ExtractableResponse<?> first = post(tenK, "application/xml",
                "?accession=" + AMAZON_FY2022 + "&filed=2023-02-03")
                .statusCode(200)
                .body("cik", is((int) cik))
                .body("ticker", is("XAMZ"))
                .body("entityName", is("AMAZON.COM, INC."))
                .extract();
        int added = first.path("factsAdded");
        int revision = first.path("revision");

        List<StoredFacts.Row> rows = StoredFacts.of(cik);
        assertEquals(added, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.accession().equals(AMAZON_FY2022) && r.form().equals("10-K")
                && r.filed().equals("2023-02-03") && r.source().equals("INSTANCE")), "provenance of every row");
        StoredFacts.Row proceeds = only(cik, "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives", "", "2022-01-01", "2022-12-31");
        assertEquals(0, new BigDecimal("5324000000").compareTo(proceeds.value()));
        StoredFacts.Row notCommenced = only(cik, "amzn:LesseeLeaseNotYetCommencedFutureMinimumPaymentsDue", "", null, "2022-12-31");
        assertEquals(0, new BigDecimal("27029000000").compareTo(notCommenced.value()));
        StoredFacts.Row aws = only(cik, "RevenueFromContractWithCustomerExcludingAssessedTax",
                "us-gaap:StatementBusinessSegmentsAxis=amzn:AmazonWebServicesSegmentMember", "2022-01-01", "2022-12-31");
        assertEquals(0, new BigDecimal("80096000000").compareTo(aws.value()));
        // Consolidated revenue (no dimensions) is a separate fact: a segment never shadows the total.
        assertEquals(0, new BigDecimal("513983000000").compareTo(
                only(cik, "RevenueFromContractWithCustomerExcludingAssessedTax", "", "2022-01-01", "2022-12-31").value()));

        // What the store now holds is enough for Amazon's own free cash flow of FY2022.
        List<XbrlFact> stored = rows.stream().map(r -> new XbrlFact(r.concept(), "USD",
                r.start() == null ? null : LocalDate.parse(r.start()), LocalDate.parse(r.end()), r.value(), r.accession(),
                null, null, r.form(), LocalDate.parse(r.filed()), r.dimensions())).toList();
        MeasureValue fcf = MeasureEvaluator.evaluate(DefinitionsLoader.forCompany("AMZN", Optional.empty()).orElseThrow()
                .measure("fcf").orElseThrow(), FactSource.of(stored), LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
        assertEquals(MeasureValue.Status.EXACT, fcf.status());
        assertEquals(0, new BigDecimal("-11569000000").compareTo(fcf.value()));

        // The same document again: nothing new, same revision.
        post(tenK, "application/xml", "?accession=" + AMAZON_FY2022 + "&filed=2023-02-03")
                .statusCode(200).body("factsAdded", is(0)).body("valuesChanged", is(0)).body("revision", is(revision));
        assertEquals(rows.size(), StoredFacts.of(cik).size());
    }

    @Test
    void applesInlineAndExtractedInstanceStoreTheSameFacts() {
        long inlineCik = 9_110_002L;
        long instanceCik = 9_110_003L;
        Documents.watch("XAPI", inlineCik);
        Documents.watch("XAPX", instanceCik);
        byte[] inline = XbrlDocuments.as(XbrlDocuments.shared("aapl-20250329.htm"), APPLE, inlineCik);
        byte[] instance = XbrlDocuments.as(XbrlDocuments.shared("aapl-20250329_htm.xml"), APPLE, instanceCik);

        post(inline, "application/xhtml+xml", "?accession=" + APPLE_Q2_2025 + "&filed=2025-05-02").statusCode(200);
        post(instance, "application/xml", "?accession=" + APPLE_Q2_2025 + "&filed=2025-05-02").statusCode(200);

        List<StoredFacts.Row> fromInline = StoredFacts.of(inlineCik);
        List<StoredFacts.Row> fromInstance = StoredFacts.of(instanceCik);
        assertEquals(fromInstance.stream().map(StoredFacts.Row::content).collect(Collectors.toSet()),
                fromInline.stream().map(StoredFacts.Row::content).collect(Collectors.toSet()));
        assertEquals(fromInstance.size(), fromInline.size());
        assertTrue(fromInline.stream().allMatch(r -> r.source().equals("INLINE") && r.form().equals("10-Q")));
        assertTrue(fromInstance.stream().allMatch(r -> r.source().equals("INSTANCE") && r.form().equals("10-Q")));
        for (long cik : new long[]{inlineCik, instanceCik}) {
            assertEquals(0, new BigDecimal("53887000000").compareTo(only(cik, "NetCashProvidedByUsedInOperatingActivities",
                    "", "2024-09-29", "2025-03-29").value()));
            assertEquals(0, new BigDecimal("6011000000").compareTo(only(cik, "PaymentsToAcquirePropertyPlantAndEquipment",
                    "", "2024-09-29", "2025-03-29").value()));
        }
        // text/html is the inline document too
        post(inline, "text/html", "?accession=" + APPLE_Q2_2025 + "&filed=2025-05-02").statusCode(200).body("factsAdded", is(0));
    }

    @Test
    void aFactOnWhichCompanyFactsAndTheFilingDisagreeIsFlaggedNeverResolved() {
        long cik = 9_110_004L;
        Documents.watch("XDIS", cik);
        // companyfacts for the Q3 2025 10-Q: operating cash flow as filed, capex off by $1M.
        asAdmin().contentType("application/json").body(Documents.oneFact(cik, "NetCashProvidedByUsedInOperatingActivities",
                "2025-01-01", "2025-09-30", "85055000000", AMAZON_Q3_2025, "10-Q", "2025-10-31", 2025))
                .post("/api/imports").then().statusCode(200);
        asAdmin().contentType("application/json").body(Documents.oneFact(cik, "PaymentsToAcquireProductiveAssets",
                "2025-01-01", "2025-09-30", "92296000000", AMAZON_Q3_2025, "10-Q", "2025-10-31", 2025))
                .post("/api/imports").then().statusCode(200);
        byte[] excerpt = XbrlDocuments.as(XbrlDocuments.amazonQ3Excerpt(), AMAZON, cik);
        String warning = "SOURCE_DISAGREEMENT PaymentsToAcquireProductiveAssets 2025-01-01..2025-09-30 in " + AMAZON_Q3_2025
                + ": COMPANYFACTS 92296000000, INSTANCE 92297000000; the stored COMPANYFACTS value is kept";

        post(excerpt, "application/xml", "?accession=" + AMAZON_Q3_2025 + "&filed=2025-10-31")
                .statusCode(200)
                .body("warnings", contains(warning))
                // 7 facts in the excerpt; OCF and capex year to date were stored from companyfacts already
                .body("factsAdded", is(5));
        assertEquals(List.of("PaymentsToAcquireProductiveAssets|92296000000|COMPANYFACTS|92297000000|INSTANCE"),
                StoredFacts.disagreements(cik));
        assertEquals(0, new BigDecimal("92296000000").compareTo(
                only(cik, "PaymentsToAcquireProductiveAssets", "", "2025-01-01", "2025-09-30").value()));
        StoredFacts.Row proceeds = only(cik, "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives", "",
                "2024-10-01", "2025-09-30");
        assertEquals(0, new BigDecimal("4228000000").compareTo(proceeds.value()));
        assertEquals(List.of(AMAZON_Q3_2025, "10-Q", "2025-10-31", "INSTANCE"),
                List.of(proceeds.accession(), proceeds.form(), proceeds.filed(), proceeds.source()));

        // Imported again: still flagged in the answer, flagged once in the store.
        post(excerpt, "application/xml", "?accession=" + AMAZON_Q3_2025 + "&filed=2025-10-31")
                .statusCode(200).body("warnings", contains(warning)).body("factsAdded", is(0));
        assertEquals(1, StoredFacts.disagreements(cik).size());
    }

    @Test
    void aSourceWhoseDocumentChangesAFiledValueIsFlaggedNeverResolved() {
        long cik = 9_110_015L;
        Documents.watch("XSSD", cik);
        asAdmin().contentType("application/json").body(Documents.oneFact(cik, "PaymentsToAcquireProductiveAssets",
                "2025-01-01", "2025-09-30", "92297000000", AMAZON_Q3_2025, "10-Q", "2025-10-31", 2025))
                .post("/api/imports").then().statusCode(200).body("warnings", empty());
        // companyfacts again, the same filing's fact now $1M lower: flagged, the value stored first kept.
        asAdmin().contentType("application/json").body(Documents.oneFact(cik, "PaymentsToAcquireProductiveAssets",
                "2025-01-01", "2025-09-30", "92296000000", AMAZON_Q3_2025, "10-Q", "2025-10-31", 2025))
                .post("/api/imports").then().statusCode(200)
                .body("factsAdded", is(0))
                .body("warnings", contains("SAME_SOURCE_DISAGREEMENT PaymentsToAcquireProductiveAssets 2025-01-01..2025-09-30 in "
                        + AMAZON_Q3_2025 + ": COMPANYFACTS 92297000000, COMPANYFACTS 92296000000; the stored COMPANYFACTS value is kept"));
        assertEquals(List.of("PaymentsToAcquireProductiveAssets|92297000000|COMPANYFACTS|92296000000|COMPANYFACTS"),
                StoredFacts.disagreements(cik));
        assertEquals(0, new BigDecimal("92297000000").compareTo(
                only(cik, "PaymentsToAcquireProductiveAssets", "", "2025-01-01", "2025-09-30").value()));
    }

    @Test
    void twoConcurrentImportsOfOneInstanceGiveOneRevision() throws Exception {
        long cik = 9_110_005L;
        Documents.watch("XCON", cik);
        // Amazon's sample without its Q3 2025 10-Q: the excerpt brings Q3 (9M - 6M) and moves Q4 (FY - 9M).
        byte[] sample = XbrlDocuments.amazonSampleAs(cik, AMAZON_Q3_2025);
        int base = asAdmin().contentType("application/json").body(sample).post("/api/imports").then().statusCode(200)
                .extract().path("revision");
        byte[] excerpt = XbrlDocuments.as(XbrlDocuments.amazonQ3Excerpt(), AMAZON, cik);

        List<ConcurrentPosts.Answer> answers = ConcurrentPosts.send(2, "/api/imports?accession=" + AMAZON_Q3_2025
                + "&filed=2025-10-31", "application/xml", excerpt);
        Set<Integer> revisions = answers.stream().map(a -> a.json().path("revision").asInt()).collect(Collectors.toSet());
        assertEquals(Set.of(base + 1), revisions, answers.toString());
        List<Integer> added = answers.stream().map(a -> a.json().path("factsAdded").asInt()).sorted().toList();
        assertEquals(List.of(0, 7), added, answers.toString());
        List<Integer> changed = answers.stream().map(a -> a.json().path("valuesChanged").asInt()).sorted().toList();
        assertEquals(0, changed.get(0));
        assertTrue(changed.get(1) > 0, answers.toString());
        // The sample's 33 facts less the Q3 10-Q's 6, plus the excerpt's 7: each stored once.
        assertEquals(33 - 6 + 7, StoredFacts.of(cik).size());
    }

    @Test
    void badRequestsAreProblemsAndStoreNothing() {
        long cik = 9_110_006L;
        Documents.watch("XBAD", cik);
        byte[] excerpt = XbrlDocuments.as(XbrlDocuments.amazonQ3Excerpt(), AMAZON, cik);

        post(excerpt, "application/xml", "?filed=2025-10-31").statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem("accession is required, e.g. ?accession=0001018724-25-000123"));
        post(excerpt, "application/xml", "?accession=1018724-25-123&filed=2025-10-31").statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem("accession \"1018724-25-123\" is not an EDGAR accession number (##########-##-######)"));
        post(excerpt, "application/xml", "?accession=" + AMAZON_Q3_2025).statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasItem("filed (the filing date, YYYY-MM-DD) is required: the document does not carry it"));
        post(excerpt, "application/xml", "?accession=" + AMAZON_Q3_2025 + "&filed=31.10.2025&form=8-K").statusCode(400)
                .body("errors", contains("filed \"31.10.2025\" is not a date (YYYY-MM-DD)",
                        "form \"8-K\" is not a 10-Q, 10-K or an amendment of one"));

        String ok = "?accession=" + AMAZON_Q3_2025 + "&filed=2025-10-31";
        byte[] truncated = java.util.Arrays.copyOf(excerpt, excerpt.length * 2 / 3);
        post(truncated, "application/xml", ok).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://capexwatch.io/problems/invalid-xbrl"))
                .body("detail", org.hamcrest.Matchers.startsWith("not well-formed XML (truncated or corrupt)"));
        String text = new String(excerpt);
        byte[] withEntity = text.replaceFirst("<xbrli:xbrl", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]><xbrli:xbrl").getBytes();
        post(withEntity, "application/xml", ok).statusCode(400).contentType("application/problem+json");
        byte[] implausible = text.replace(">4228000000<", ">4228000000000000<").getBytes();
        post(implausible, "application/xml", ok).statusCode(422).contentType("application/problem+json")
                .body("errors[0]", org.hamcrest.Matchers.containsString("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"));
        byte[] noForm = text.replace("<dei:DocumentType contextRef=\"c-1\">10-Q</dei:DocumentType>", "").getBytes();
        post(noForm, "application/xml", ok).statusCode(422).contentType("application/problem+json")
                .body("detail", is("no dei:DocumentType: give the form explicitly"));
        byte[] unwatched = XbrlDocuments.as(XbrlDocuments.amazonQ3Excerpt(), AMAZON, 9_110_099L);
        post(unwatched, "application/xml", ok).statusCode(422).contentType("application/problem+json");
        assertEquals(List.of(), StoredFacts.of(cik));

        // The form given explicitly makes the document without dei:DocumentType usable.
        post(noForm, "application/xml", ok + "&form=10-Q").statusCode(200).body("factsAdded", is(7)).body("warnings", empty());
    }

    private static StoredFacts.Row only(long cik, String concept, String dimensions, String start, String end) {
        List<StoredFacts.Row> rows = StoredFacts.of(cik, concept).stream()
                .filter(r -> r.dimensions().equals(dimensions) && java.util.Objects.equals(r.start(), start) && r.end().equals(end))
                .toList();
        assertEquals(1, rows.size(), concept + " " + dimensions + " " + start + ".." + end + ": " + rows);
        return rows.getFirst();
    }
}
