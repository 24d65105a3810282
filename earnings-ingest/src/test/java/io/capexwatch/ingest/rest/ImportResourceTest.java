package io.capexwatch.ingest.rest;

import io.capexwatch.ingest.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ImportResourceTest {

    @Test
    void importStoresExactDiscreteQuartersWithProvenance() {
        asAdmin().contentType(ContentType.JSON).body(Samples.alphabetCompanyFacts())
                .when().post("/api/imports")
                .then().statusCode(200)
                .body("ticker", is("GOOGL"))
                .body("cik", is(1652044))
                .body("entityName", is("ALPHABET INC."))
                .body("quartersDerived", is(13))
                .body("warnings", empty());
        // Importing it stored 26 as-filed facts: 13 periods x OCF and capex, each from its original filing.

        String q3 = "find { it.periodEnd == '2025-09-30' }";
        given().when().get("/api/companies/googl/fundamentals")
                .then().statusCode(200)
                .body("size()", is(13))
                .body("[0].periodEnd", is("2023-03-31"))
                .body(q3 + ".fiscalYear", is(2025))
                .body(q3 + ".fiscalQuarter", is(3))
                .body(q3 + ".periodStart", is("2025-07-01"))
                .body(q3 + ".values.OPERATING_CASH_FLOW.value", equalTo(48_414_000_000L))
                .body(q3 + ".values.CAPEX.value", equalTo(23_953_000_000L))
                .body(q3 + ".values.CAPEX.provenance.concept", is("PaymentsToAcquirePropertyPlantAndEquipment"))
                .body(q3 + ".values.CAPEX.provenance.derivation", is("9M-6M"))
                .body(q3 + ".values.CAPEX.provenance.filing.accession", is("0001652044-25-000091"))
                .body(q3 + ".values.CAPEX.provenance.filing.form", is("10-Q"))
                .body(q3 + ".values.CAPEX.provenance.filing.filed", is("2025-10-30"))
                .body(q3 + ".values.CAPEX.provenance.derivedFrom.value", contains(63_596_000_000L, 39_643_000_000L))
                .body("find { it.periodEnd == '2025-12-31' }.values.OPERATING_CASH_FLOW.provenance.derivation", is("FY-9M"))
                .body("find { it.periodEnd == '2026-03-31' }.values.OPERATING_CASH_FLOW.provenance.derivation", is("reported"));
    }

    @Test
    void importingTheSameDocumentAgainChangesNothing() {
        int revision = asAdmin().contentType(ContentType.JSON).body(Samples.alphabetCompanyFacts())
                .post("/api/imports").then().statusCode(200).extract().path("revision");

        asAdmin().contentType(ContentType.JSON).body(Samples.alphabetCompanyFacts())
                .when().post("/api/imports")
                .then().statusCode(200)
                .body("factsAdded", is(0))
                .body("valuesChanged", is(0))
                .body("revision", is(revision));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated JSON         | {\"cik\": 1652044, \"facts\": {\"us-gaap\": {                        | not valid JSON",
            "not an object          | [1, 2, 3]                                                             | a companyfacts document is a JSON object",
            "facts is not an object | {\"cik\": 1652044, \"facts\": []}                                     | \"facts\" must be an object",
            "no cik                 | {\"entityName\": \"X\", \"facts\": {}}                                | not a valid companyfacts document",
            "units is an array      | {\"cik\": 1652044, \"facts\": {\"us-gaap\": {\"NetCashProvidedByUsedInOperatingActivities\": {\"units\": []}}}} | has the wrong shape",
            "fact without accession | {\"cik\": 1652044, \"facts\": {\"us-gaap\": {\"NetCashProvidedByUsedInOperatingActivities\": {\"units\": {\"USD\": [{\"end\": \"2025-03-31\", \"val\": 1, \"form\": \"10-Q\", \"filed\": \"2025-04-25\"}]}}}}} | not a valid companyfacts document",
    })
    void malformedDocumentsGetA400ProblemAndChangeNothing(String name, String body, String detail) {
        int revisionBefore = googleRevision();
        asAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/imports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("type", is("https://capexwatch.io/problems/invalid-companyfacts"))
                .body("instance", is("/api/imports"))
                .body("detail", containsString(detail));
        org.junit.jupiter.api.Assertions.assertEquals(revisionBefore, googleRevision());
    }

    @Test
    void aCompanyOffTheWatchlistGetsA422Problem() {
        asAdmin().contentType(ContentType.JSON).body("{\"cik\": 320193, \"entityName\": \"Apple Inc.\", \"facts\": {}}")
                .when().post("/api/imports")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://capexwatch.io/problems/unknown-company"))
                .body("detail", is("CIK 320193 (Apple Inc.) is not on the watchlist"));
        given().get("/api/companies").then().body("cik", org.hamcrest.Matchers.not(hasItem(320193)));
    }

    @Test
    void aBodyOverTheLimitGetsA413ProblemBeforeItIsRead() throws Exception {
        // Announce 21 MB but send only the start: the refusal must come from the Content-Length alone.
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/imports HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 21 * 1024 * 1024 + "\r\n\r\n{\"cik\": 1652044, ";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("application/problem+json"), response);
            assertTrue(response.contains("the limit is 20971520 bytes"), response);
        }
    }

    @Test
    void unknownTickerGetsA404Problem() {
        given().when().get("/api/companies/NOPE/fundamentals")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("no company with ticker NOPE"));
    }

    @Test
    void watchlistListsTheDefaultCompaniesByTicker() {
        // Other tests add companies of their own; the default seven are there, and the list is by ticker.
        java.util.List<String> tickers = given().when().get("/api/companies")
                .then().statusCode(200)
                .body("ticker", hasItems("AMZN", "CRWV", "GOOGL", "META", "MSFT", "NVDA", "ORCL"))
                .body("find { it.ticker == 'ORCL' }.cik", is(1341439))
                .extract().path("ticker");
        org.junit.jupiter.api.Assertions.assertEquals(tickers.stream().sorted().toList(), tickers);
    }

    /** Status line, headers and a Content-Length body, without waiting for the connection to close. */
    private static String readResponse(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }

    private static int googleRevision() {
        return given().get("/api/companies").then().extract().path("find { it.ticker == 'GOOGL' }.revision");
    }
}
