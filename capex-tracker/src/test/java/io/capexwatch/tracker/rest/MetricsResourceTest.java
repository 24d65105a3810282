package io.capexwatch.tracker.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class MetricsResourceTest {

    @Test
    void unknownTickerGetsA404Problem() {
        given().when().get("/api/companies/NOPE/metrics")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("title", is("Not found"))
                .body("detail", is("no metrics for ticker NOPE"))
                .body("instance", is("/api/companies/NOPE/metrics"));
    }

    @Test
    void healthReportsTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", is("UP"));
    }
}
