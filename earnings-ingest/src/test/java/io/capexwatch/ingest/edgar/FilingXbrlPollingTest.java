package io.capexwatch.ingest.edgar;

import io.capexwatch.ingest.Documents;
import io.capexwatch.ingest.Metrics;
import io.capexwatch.ingest.StoredFacts;
import io.capexwatch.ingest.XbrlDocuments;
import io.capexwatch.ingest.service.EdgarPoller;
import io.capexwatch.localinfra.EdgarStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The poller fetches each new periodic report's own XBRL from the archive of the loopback EDGAR stub (the
 * filing index, then the extracted instance, else the inline primary document) through the same client
 * (User-Agent, rate limit, backoff), and counts the filing imported only once its figures are stored.
 */
@QuarkusTest
@TestProfile(FilingXbrlPollingTest.PollsOnly.class)
@WithTestResource(value = EdgarStubResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FilingXbrlPollingTest {
    private static final long AMAZON = 1_018_724L;

    public static class PollsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    EdgarPoller poller;

    @Test
    void aTenQsInstanceIsFetchedAfterA503OnTheNextPollAndOnlyThenImported() throws Throwable {
        EdgarStub stub = EdgarStubResource.stub();
        long cik = 9_130_001L;
        String ticker = "XPOL";
        Documents.watch(ticker, cik);
        String folder = "/Archives/edgar/data/" + cik + "/000101872425000123/";
        stub.serve("/submissions/CIK%010d.json".formatted(cik), Documents.submissions(cik, List.of(
                List.of(XbrlDocuments.AMAZON_Q3_2025, "10-Q", "2025-10-31", "", "amzn-20250930.htm"))));
        // companyfacts lags: it does not carry the Q3 10-Q yet.
        stub.serve("/api/xbrl/companyfacts/CIK%010d.json".formatted(cik),
                XbrlDocuments.amazonSampleAs(cik, XbrlDocuments.AMAZON_Q3_2025));
        stub.serve(folder + "index.json", index("amzn-20250930.htm", "amzn-20250930_htm.xml", "Financial_Report.xlsx"));
        // Five 503s: the first poll's request and its four retries (capexwatch.edgar.max-retries) all fail.
        stub.failFirst(folder + "amzn-20250930_htm.xml", 503, 503, 503, 503, 503);
        stub.serve(folder + "amzn-20250930_htm.xml", XbrlDocuments.as(XbrlDocuments.amazonQ3Excerpt(), AMAZON, cik));
        double failuresBefore = Metrics.value("capexwatch_edgar_filing_xbrl_failures_total");

        poll();
        assertEquals(List.of(503, 503, 503, 503, 503), statuses(stub, folder + "amzn-20250930_htm.xml"));
        given().get("/api/companies").then()
                .body(company(ticker, "status"), is("AWAITING_XBRL"))
                .body(company(ticker, "statusDetail"), containsString("10-Q " + XbrlDocuments.AMAZON_Q3_2025
                        + " filed 2025-10-31 listed; its XBRL is not stored yet (EDGAR answered 503 for "))
                .body(company(ticker, "lastFiling"), is((Object) null));
        assertEquals(List.of(), StoredFacts.of(cik, "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"));
        assertEquals(failuresBefore + 1, Metrics.value("capexwatch_edgar_filing_xbrl_failures_total"));

        poll();
        assertEquals(List.of(503, 503, 503, 503, 503, 200), statuses(stub, folder + "amzn-20250930_htm.xml"));
        assertEquals(List.of(200, 200), statuses(stub, folder + "index.json"));
        // Every archive request as every EDGAR request: the fair-access User-Agent.
        stub.requests(folder + "index.json").forEach(r -> assertEquals(EdgarStubResource.USER_AGENT, r.header("User-Agent")));
        given().get("/api/companies").then()
                .body(company(ticker, "status"), is("UP_TO_DATE"))
                .body(company(ticker, "statusDetail"), is("latest 10-Q " + XbrlDocuments.AMAZON_Q3_2025 + " filed 2025-10-31 imported"))
                .body(company(ticker, "lastFiling.accession"), is(XbrlDocuments.AMAZON_Q3_2025));
        List<StoredFacts.Row> proceeds = StoredFacts.of(cik, "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives");
        assertEquals(1, proceeds.size());
        StoredFacts.Row row = proceeds.getFirst();
        assertEquals(0, new BigDecimal("4228000000").compareTo(row.value()));
        assertEquals(List.of(XbrlDocuments.AMAZON_Q3_2025, "10-Q", "2025-10-31", "INSTANCE", "2024-10-01", "2025-09-30"),
                List.of(row.accession(), row.form(), row.filed(), row.source(), row.start(), row.end()));
        // Q3 2025 from the instance (9M) less the companyfacts 6M: $92,297M - $57,202M.
        given().get("/api/companies/" + ticker + "/fundamentals").then()
                .body("find { it.periodEnd == '2025-09-30' }.values.CAPEX.value", is(35_095_000_000L))
                .body("find { it.periodEnd == '2025-09-30' }.values.CAPEX.provenance.filing.accession", is(XbrlDocuments.AMAZON_Q3_2025));

        // Processed: the next poll asks the archive for nothing.
        poll();
        assertEquals(2, stub.requests(folder + "index.json").size());
    }

    @Test
    void withoutAnExtractedInstanceThePrimaryInlineDocumentIsRead() throws Throwable {
        EdgarStub stub = EdgarStubResource.stub();
        long cik = 9_130_002L;
        String ticker = "XINL";
        Documents.watch(ticker, cik);
        String accession = "0000000042-25-000007";
        String folder = "/Archives/edgar/data/" + cik + "/000000004225000007/";
        stub.serve("/submissions/CIK%010d.json".formatted(cik), Documents.submissions(cik, List.of(
                List.of(accession, "10-Q", "2025-08-01", "", "x10q-20250630.htm"))));
        stub.serve("/api/xbrl/companyfacts/CIK%010d.json".formatted(cik),
                "{\"cik\": %d, \"entityName\": \"EXAMPLE\", \"facts\": {}}".formatted(cik).getBytes());
        stub.serve(folder + "index.json", index("x10q-20250630.htm", "ex31.htm"));
        byte[] inline = XbrlDocuments.as(resource("/xbrl/edge-cases.htm"), 42, cik);
        // First a document cut short (a 200 with two thirds of the bytes): rejected, nothing stored, tried again.
        stub.serve(folder + "x10q-20250630.htm", java.util.Arrays.copyOf(inline, inline.length * 2 / 3));
        poll();
        given().get("/api/companies").then()
                .body(company(ticker, "status"), is("AWAITING_XBRL"))
                .body(company(ticker, "statusDetail"), containsString("its XBRL is not stored yet (not well-formed XML (truncated or corrupt)"))
                .body(company(ticker, "lastFiling"), is((Object) null));
        assertEquals(List.of(), StoredFacts.of(cik));

        stub.serve(folder + "x10q-20250630.htm", inline);
        poll();
        assertEquals(List.of(200, 200), statuses(stub, folder + "x10q-20250630.htm"));
        assertEquals(List.of(), stub.requests(folder + "ex31.htm"));
        given().get("/api/companies").then()
                .body(company(ticker, "status"), is("UP_TO_DATE"))
                .body(company(ticker, "lastFiling.accession"), is(accession));
        List<StoredFacts.Row> rows = StoredFacts.of(cik);
        assertTrue(!rows.isEmpty() && rows.stream().allMatch(r -> r.source().equals("INLINE") && r.accession().equals(accession)
                && r.form().equals("10-Q") && r.filed().equals("2025-08-01")), rows.toString());
    }

    private void poll() throws Throwable {
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> poller.pollIfLeader()));
    }

    private static List<Integer> statuses(EdgarStub stub, String path) {
        return stub.requests(path).stream().map(EdgarStub.Request::status).toList();
    }

    private static String company(String ticker, String path) {
        return "find { it.ticker == '" + ticker + "' }." + path;
    }

    private static byte[] index(String... names) {
        StringBuilder items = new StringBuilder();
        for (String name : names) {
            items.append(items.isEmpty() ? "" : ",").append("{\"name\": \"").append(name).append("\", \"type\": \"text.gif\", \"size\": \"1\"}");
        }
        return ("{\"directory\": {\"name\": \"/Archives/edgar/data\", \"item\": [" + items + "]}}").getBytes();
    }

    private static byte[] resource(String name) {
        try (InputStream in = FilingXbrlPollingTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
