package io.capexwatch.ingest.rest;

import io.capexwatch.ingest.Documents;
import io.capexwatch.localinfra.LocalInfraTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and odd input: a clear 4xx problem and nothing written, or stored exactly with a flag saying what is odd. */
@QuarkusTest
class BadInputTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String Q2_2025 = "find { it.periodEnd == '2025-06-30' }.values.CAPEX";

    @TestHTTPResource("/api/imports")
    URI imports;

    @Test
    void aFractionalDollarIsKeptAsFiledAndTheQuarterRoundedAndFlagged() {
        long cik = company("FRAC", 9_000_041L);
        asAdmin().contentType(ContentType.JSON)
                .body(Documents.oneFact(cik, Documents.CAPEX, "2025-04-01", "2025-06-30", "1.5", "0009000041-25-000001",
                        "10-Q/A", "2025-08-01", 2025))
                .post("/api/imports").then().statusCode(200)
                .body("valuesChanged", is(1))
                .body("warnings", hasItem(startsWith("FRACTIONAL_USD_ROUNDED CAPEX FY2025 Q2 (2025-06-30) = 2")));
        given().get("/api/companies/FRAC/fundamentals").then()
                .body(Q2_2025 + ".value", is(2))
                .body(Q2_2025 + ".provenance.derivation", is("reported"))
                .body(Q2_2025 + ".provenance.flags", contains("FRACTIONAL_USD_ROUNDED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e30", "-1e15", "1000000000000000", "12.34567"})
    void anAmountNoFilingCanHoldIsA422AndNothingIsStored(String value) {
        long cik = company("HUGE", 9_000_042L);
        int revision = revision("HUGE");
        asAdmin().contentType(ContentType.JSON)
                .body(Documents.oneFact(cik, Documents.CAPEX, "2025-04-01", "2025-06-30", value, "0009000042-25-000001",
                        "10-Q/A", "2025-08-01", 2025))
                .post("/api/imports").then().statusCode(422)
                .contentType(PROBLEM)
                .body("type", is("https://capexwatch.io/problems/implausible-companyfacts"))
                .body("errors[0]", startsWith("PaymentsToAcquirePropertyPlantAndEquipment.USD[0] (0009000042-25-000001): "));
        assertUnchanged("HUGE", revision);
    }

    @Test
    void deeplyNestedUnknownStructuresAreA400NotA500() throws Exception {
        long cik = company("DEEP", 9_000_043L);
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        for (String body : new String[]{
                "{\"cik\": " + cik + ", \"junk\": " + deep + ", \"facts\": {}}",
                "{\"cik\": " + cik + ", \"facts\": {\"us-gaap\": {\"SomethingElse\": " + deep + "}}}"}) {
            // Sent without REST Assured, whose request log would pretty-print 10,000 levels of indentation.
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(imports)
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", LocalInfraTestResource.ADMIN.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode());
            assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(Documents.read(response.body()).path("detail").asText()
                    .startsWith("not valid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000"), response.body());
        }
        assertUnchanged("DEEP", 1);
    }

    @Test
    void duplicateKeysInADocumentAreA400() {
        company("DUPE", 9_000_044L);
        asAdmin().contentType(ContentType.JSON).body("{\"cik\": 9000044, \"cik\": 1652044, \"facts\": {}}")
                .post("/api/imports").then().statusCode(400)
                .contentType(PROBLEM)
                .body("detail", startsWith("not valid JSON: Duplicate field 'cik'"));
        asAdmin().contentType(ContentType.JSON)
                .body(new String(Documents.oneFact(9_000_044L, Documents.CAPEX, "2025-04-01", "2025-06-30", "5",
                        "0009000044-25-000001", "10-Q/A", "2025-08-01", 2025)).replace("\"val\": 5", "\"val\": 5, \"val\": 7"))
                .post("/api/imports").then().statusCode(400)
                .body("detail", startsWith("not valid JSON: Duplicate field 'val'"));
        assertUnchanged("DUPE", 1);
    }

    @Test
    void factsWithImpossibleDatesAreLeftOutWithAWarning() {
        long cik = company("DATE", 9_000_045L);
        String facts = """
                {"cik": %d, "entityName": "ALPHABET INC.", "facts": {"us-gaap": {"%s": {"units": {"USD": [
                  {"start": "2025-06-30", "end": "2025-04-01", "val": 5, "accn": "0009000045-25-000001", "fy": 2025, "form": "10-Q/A", "filed": "2025-08-01"},
                  {"start": "2025-04-01", "end": "2025-06-30", "val": 6, "accn": "0009000045-25-000002", "fy": 1800, "form": "10-Q/A", "filed": "2025-08-01"}]}}}}}
                """.formatted(cik, Documents.CAPEX);
        asAdmin().contentType(ContentType.JSON).body(facts).post("/api/imports").then().statusCode(200)
                .body("factsAdded", is(0))
                .body("valuesChanged", is(0))
                .body("warnings", contains(
                        "IGNORED_FACT PaymentsToAcquirePropertyPlantAndEquipment.USD[0] (0009000045-25-000001): end 2025-04-01 precedes start 2025-06-30; not stored",
                        "IGNORED_FACT PaymentsToAcquirePropertyPlantAndEquipment.USD[1] (0009000045-25-000002): fiscal year 1800 is outside 1993..2026 for a filing of 2025-08-01; not stored"));
        given().get("/api/companies/DATE/fundamentals").then().body(Q2_2025 + ".value", equalTo(22_446_000_000L));
    }

    @Test
    void aNegativeReportedCapexIsKeptAndFlaggedOnEveryQuarterItMoves() {
        long cik = company("NEGC", 9_000_046L);
        // A 10-Q/A restating 9M 2025 capex as negative: Q3 turns negative and Q4 (FY - 9M) grows.
        asAdmin().contentType(ContentType.JSON)
                .body(Documents.oneFact(cik, Documents.CAPEX, "2025-01-01", "2025-09-30", "-63596000000",
                        "0009000046-25-000001", "10-Q/A", "2025-11-15", 2025))
                .post("/api/imports").then().statusCode(200)
                .body("warnings", hasItem("NEGATIVE_REPORTED_VALUE CAPEX FY2025 Q4 (2025-12-31) = 155043000000"));
        String quarter = "find { it.periodEnd == '%s' }.values.CAPEX";
        given().get("/api/companies/NEGC/fundamentals").then()
                .body(quarter.formatted("2025-09-30") + ".value", equalTo(-103_239_000_000L))
                .body(quarter.formatted("2025-09-30") + ".provenance.flags", contains("NEGATIVE_DERIVED_VALUE", "NEGATIVE_REPORTED_VALUE"))
                .body(quarter.formatted("2025-12-31") + ".value", equalTo(155_043_000_000L))
                .body(quarter.formatted("2025-12-31") + ".provenance.flags", contains("NEGATIVE_REPORTED_VALUE"))
                .body(quarter.formatted("2025-06-30") + ".provenance.flags", empty());
    }

    @Test
    void aGzipBodyIsDecompressedAndTheLimitAppliesToTheDecompressedBytes() throws IOException {
        long cik = 9_000_047L;
        Documents.watch("GZIP", cik);
        asAdmin().contentType(ContentType.JSON).header("Content-Encoding", "gzip")
                .body(gzip(Documents.alphabetAs(cik, Set.of())))
                .post("/api/imports").then().statusCode(200)
                .body("quartersDerived", is(13));
        given().get("/api/companies/GZIP/fundamentals").then()
                .body("find { it.periodEnd == '2025-09-30' }.values.CAPEX.value", equalTo(23_953_000_000L));
        int revision = revision("GZIP");

        // 21 MB once decompressed (a few KB on the wire): over the 20 MB limit.
        asAdmin().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(gzippedPadding(cik, 21))
                .post("/api/imports").then().statusCode(413)
                .contentType(PROBLEM)
                .body("detail", is("the body decompresses to more than 20971520 bytes, the limit"));
        asAdmin().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body("not gzip at all")
                .post("/api/imports").then().statusCode(400).contentType(PROBLEM)
                .body("type", is("https://capexwatch.io/problems/invalid-content-encoding"));
        asAdmin().contentType(ContentType.JSON).header("Content-Encoding", "br").body("{}")
                .post("/api/imports").then().statusCode(415).contentType(PROBLEM);
        assertUnchanged("GZIP", revision);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "A%00B", "%E2%82%AC", "a%20b", "1ABC", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
    void aPathThatIsNotATickerIsA400Problem(String ticker) {
        given().urlEncodingEnabled(false).get("/api/companies/" + ticker + "/fundamentals").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", is("https://capexwatch.io/problems/invalid-ticker"));
        asAdmin().urlEncodingEnabled(false).delete("/api/companies/" + ticker).then()
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aWatchedCikUnderANewTickerIsA409AndKeepsItsTicker() {
        company("RNMA", 9_000_048L);
        asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"RNMB\", \"cik\": 9000048}")
                .post("/api/companies").then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", is("https://capexwatch.io/problems/cik-watched"))
                .body("detail", is("CIK 9000048 is watched as RNMA; remove it first to watch it as RNMB"));
        given().get("/api/companies").then()
                .body("find { it.cik == 9000048 }.ticker", is("RNMA"))
                .body("ticker", not(hasItem("RNMB")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "9000049.0", "1e400", "-3", "0"})
    void aCikThatIsNotAPositiveWholeNumberIsA400(String cik) {
        asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"HALF\", \"cik\": " + cik + "}")
                .post("/api/companies").then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors", hasItems("cik: a positive whole number of at most 10 digits"));
        given().get("/api/companies").then().body("ticker", not(hasItem("HALF")));
    }

    /** A watched company holding Alphabet's sample quarters (revision 1). */
    private static long company(String ticker, long cik) {
        Documents.watch(ticker, cik);
        asAdmin().contentType(ContentType.JSON).body(Documents.alphabetAs(cik, Set.of()))
                .post("/api/imports").then().statusCode(200);
        return cik;
    }

    private static int revision(String ticker) {
        return given().get("/api/companies").then().extract().path("find { it.ticker == '" + ticker + "' }.revision");
    }

    private static void assertUnchanged(String ticker, int revision) {
        given().get("/api/companies").then().body("find { it.ticker == '" + ticker + "' }.revision", is(revision));
        given().get("/api/companies/" + ticker + "/fundamentals").then()
                .body("size()", is(13))
                .body(Q2_2025 + ".value", equalTo(22_446_000_000L));
    }

    /** A document padded to {@code megabytes} MB, compressed as it is written (never held whole). */
    private static byte[] gzippedPadding(long cik, int megabytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] spaces = " ".repeat(1024 * 1024).getBytes();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(("{\"cik\": " + cik + ", \"facts\": {}, \"pad\": \"").getBytes());
            for (int i = 0; i < megabytes; i++) {
                out.write(spaces);
            }
            out.write("\"}".getBytes());
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }
}
