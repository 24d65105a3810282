package io.capexwatch.tracker.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/** Errors the framework raises itself answer problem+json here too (the mappers and limits live in contracts). */
@QuarkusTest
class FrameworkProblemsTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void frameworkErrorsAreProblems() {
        given().post("/api/companies/GOOGL/metrics").then().statusCode(405).contentType(PROBLEM).body("status", is(405));
        given().accept("image/png").get("/api/companies/GOOGL/metrics").then()
                .statusCode(406).contentType(PROBLEM).body("status", is(406));
        given().get("/api/companies/" + "A".repeat(5_000) + "/metrics").then()
                .statusCode(414).contentType(PROBLEM).body("status", is(414)).body("title", is("Request-URI Too Long"));
        given().get("/api/companies/GOOGL/metrics?revision=abc").then()
                .statusCode(400).contentType(PROBLEM).body("status", is(400));
    }
}
