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
            return Map.of("quarkus.scheduler.enabled", "false", "capexwatch.edgar.xbrl-backfill-reports", "3");
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

    /**
     * Back-fill: the older recent reports' own XBRL is fetched once each (here the latest three, by
     * configuration); one that fails (503 after the retries) keeps submissions unconditional so the next
     * poll tries it again; once all are stored, submissions is asked conditionally (304) and the archive
     * is not asked again.
     */
    @Test
    void theOlderRecentReportsXbrlIsBackFilledOnceEachAndAFailedOneOnTheNextPoll() throws Throwable {
        EdgarStub stub = EdgarStubResource.stub();
        long cik = 9_130_003L;
        String ticker = "XBKF";
        Documents.watch(ticker, cik);
        String q2 = "0001018724-25-000086", q1 = "0001018724-25-000036", fy2024 = "0001018724-25-000004", q3of2024 = "0001018724-24-000161";
        String submissions = "/submissions/CIK%010d.json".formatted(cik);
        stub.serve(submissions, Documents.submissions(cik, List.of(
                List.of(q2, "10-Q", "2025-08-01", "", "amzn-20250630.htm"),
                List.of("0001018724-25-000080", "8-K", "2025-07-31", "5.07", "d8k.htm"),
                List.of(q1, "10-Q", "2025-05-02", "", "amzn-20250331.htm"),
                List.of(fy2024, "10-K", "2025-02-07", "", "amzn-20241231.htm"),
                List.of(q3of2024, "10-Q", "2024-11-01", "", "amzn-20240930.htm"))));
        // companyfacts carries none of them yet: every figure below comes from the filings' own instances.
        stub.serve("/api/xbrl/companyfacts/CIK%010d.json".formatted(cik),
                "{\"cik\": %d, \"entityName\": \"EXAMPLE\", \"facts\": {}}".formatted(cik).getBytes());
        Map<String, String> documents = Map.of(q2, "amzn-20250630", q1, "amzn-20250331", fy2024, "amzn-20241231", q3of2024, "amzn-20240930");
        documents.forEach((accession, name) -> {
            stub.serve(folder(cik, accession) + "index.json", index(name + ".htm", name + "_htm.xml"));
            stub.serve(folder(cik, accession) + name + "_htm.xml", XbrlDocuments.amazonSampleInstance(cik, accession));
        });
        String q1Instance = folder(cik, q1) + "amzn-20250331_htm.xml";
        stub.failFirst(q1Instance, 503, 503, 503, 503, 503);

        poll();
        given().get("/api/companies").then()
                .body(company(ticker, "status"), is("UP_TO_DATE"))
                .body(company(ticker, "lastFiling.accession"), is(q2));
        assertEquals(List.of(fy2024, q2), archiveAccessions(cik));
        assertEquals(List.of(503, 503, 503, 503, 503), statuses(stub, q1Instance));
        // Only the latest three: the 10-Q of 2024 Q3 is never asked for.
        assertEquals(List.of(), stub.requests(folder(cik, q3of2024) + "index.json"));

        // The Q1 10-Q's instance failed: submissions is read in full again (no If-None-Match), Q1 is fetched.
        poll();
        assertEquals(2, stub.requests(submissions).size());
        assertEquals(null, stub.requests(submissions).get(1).header("If-None-Match"));
        assertEquals(List.of(503, 503, 503, 503, 503, 200), statuses(stub, q1Instance));
        assertEquals(List.of(fy2024, q1, q2), archiveAccessions(cik));
        // Stored instances are not fetched again.
        assertEquals(List.of(200), statuses(stub, folder(cik, q2) + "amzn-20250630_htm.xml"));
        assertEquals(List.of(200), statuses(stub, folder(cik, fy2024) + "amzn-20241231_htm.xml"));
        // Q2 2025 from the 10-Qs' own instances: six months less the first quarter.
        given().get("/api/companies/" + ticker + "/fundamentals").then()
                .body("find { it.periodEnd == '2025-03-31' }.values.OPERATING_CASH_FLOW.value", is(17_015_000_000L))
                .body("find { it.periodEnd == '2025-06-30' }.values.OPERATING_CASH_FLOW.value", is(32_515_000_000L))
                .body("find { it.periodEnd == '2025-06-30' }.values.CAPEX.value", is(32_183_000_000L))
                .body("find { it.periodEnd == '2025-06-30' }.values.CAPEX.provenance.filing.accession", is(q2));

        // All stored: submissions conditionally (answered 304), the archive not asked.
        int archiveRequests = stub.requests(folder(cik, q1) + "index.json").size();
        poll();
        EdgarStub.Request third = stub.requests(submissions).get(2);
        assertEquals(304, third.status());
        assertTrue(third.header("If-None-Match") != null, "the third poll asks submissions conditionally");
        assertEquals(archiveRequests, stub.requests(folder(cik, q1) + "index.json").size());
    }

    private static String folder(long cik, String accession) {
        return "/Archives/edgar/data/" + cik + "/" + accession.replace("-", "") + "/";
    }

    /** The filings whose own XBRL (instance) is stored, in order of accession. */
    private static List<String> archiveAccessions(long cik) {
        return StoredFacts.of(cik).stream().filter(r -> r.source().equals("INSTANCE")).map(StoredFacts.Row::accession)
                .distinct().sorted().toList();
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
