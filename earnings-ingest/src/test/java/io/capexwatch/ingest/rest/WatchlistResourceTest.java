package io.capexwatch.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class WatchlistResourceTest {

    @Test
    void addAndRemoveACompany() {
        try {
            asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"aapl\", \"cik\": 320193}")
                    .when().post("/api/companies")
                    .then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.endsWith("/api/companies/AAPL/fundamentals"))
                    .body("ticker", is("AAPL"));
            asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"AAPL\", \"cik\": 320193}")
                    .post("/api/companies").then().statusCode(201);
            given().get("/api/companies").then()
                    .body("find { it.ticker == 'AAPL' }.cik", is(320193))
                    .body("find { it.ticker == 'AAPL' }.status", is("AWAITING_FIRST_POLL"));

            asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"GOOGL\", \"cik\": 320193}")
                    .post("/api/companies").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", is("GOOGL already names CIK 1652044"));
        } finally {
            asAdmin().delete("/api/companies/AAPL").then().statusCode(204);
        }
        given().get("/api/companies").then().body("ticker", not(hasItem("AAPL")));
        asAdmin().contentType(ContentType.JSON).body("{\"cik\": 320193, \"entityName\": \"Apple Inc.\", \"facts\": {}}")
                .post("/api/imports").then().statusCode(422);
    }

    @Test
    void invalidCompaniesGetA400ProblemListingWhatIsWrong() {
        asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"\", \"cik\": -4}")
                .when().post("/api/companies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://capexwatch.io/problems/invalid-company"))
                .body("errors", hasItems("ticker: 1 to 10 letters, digits, '.' or '-', starting with a letter",
                        "cik: a positive whole number of at most 10 digits"));
        asAdmin().delete("/api/companies/NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDocumentInAnotherCurrencyOnlyGetsA422ProblemAndWritesNothing() {
        asAdmin().contentType(ContentType.JSON).body("""
                        {"cik": 1652044, "entityName": "ALPHABET INC.", "facts": {"us-gaap": {
                          "PaymentsToAcquirePropertyPlantAndEquipment": {"units": {"EUR": [
                            {"start": "2025-01-01", "end": "2025-03-31", "val": 1, "accn": "x", "form": "10-Q", "filed": "2025-04-25"}]}}}}}
                        """)
                .when().post("/api/imports")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://capexwatch.io/problems/non-usd-units"))
                .body("errors[0]", is("NON_USD_UNIT PaymentsToAcquirePropertyPlantAndEquipment in EUR: not used"));
    }
}
