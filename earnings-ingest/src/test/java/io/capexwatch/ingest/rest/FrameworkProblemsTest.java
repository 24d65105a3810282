package io.capexwatch.ingest.rest;

import io.capexwatch.localinfra.LocalInfraTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors the framework raises itself answer problem+json here too (the mappers and limits live in contracts). */
@QuarkusTest
class FrameworkProblemsTest {
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL root;

    @Test
    void frameworkErrorsAreProblems() throws IOException {
        given().delete("/api/companies").then().statusCode(405).contentType(PROBLEM).body("status", is(405));
        asAdmin().contentType(ContentType.TEXT).body("GOOGL").post("/api/companies").then()
                .statusCode(415).contentType(PROBLEM).body("status", is(415));
        given().get("/api/companies/" + "A".repeat(5_000) + "/fundamentals").then()
                .statusCode(414).contentType(PROBLEM).body("status", is(414));
        asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"DUPE\", \"cik\": 1, \"cik\": 2}").post("/api/companies").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0]", startsWith("Duplicate field 'cik'"));
        asAdmin().contentType(ContentType.JSON).body("{\"ticker\": \"DUPE\", \"cik\": [1]}").post("/api/companies").then()
                .statusCode(400).contentType(PROBLEM).body("status", is(400));

        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-API-Key: " + LocalInfraTestResource.ADMIN.apiKey() + "\r\nContent-Length: 400000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 413 "), response);
            assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
            assertTrue(response.contains("\"status\":413"), response);
        }
    }
}
