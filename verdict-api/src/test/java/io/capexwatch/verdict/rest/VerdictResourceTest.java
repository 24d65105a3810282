package io.capexwatch.verdict.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class VerdictResourceTest {

    @Test
    void unknownTickerGetsA404Problem() {
        given().when().get("/api/verdicts/NOPE")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("no verdict for ticker NOPE"))
                .body("instance", is("/api/verdicts/NOPE"));
        given().when().get("/api/verdicts/NOPE/history")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void readinessCoversDatabaseRedisAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", is("UP"))
                .body("checks.find { it.name.startsWith('Redis') }.status", is("UP"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.status", is("UP"));
    }

    @Test
    void openApiAndPrometheusMetricsAreServed() {
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests_seconds"));
    }
}
