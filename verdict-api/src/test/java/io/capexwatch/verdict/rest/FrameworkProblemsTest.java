package io.capexwatch.verdict.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.localinfra.LocalInfraTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors raised by Quarkus and Vert.x themselves, not by our code, still answer RFC 9457 problem+json. */
@QuarkusTest
class FrameworkProblemsTest {
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL root;

    @Test
    void methodNotAllowedIs405Problem() {
        given().delete("/api/rules").then()
                .statusCode(405).contentType(PROBLEM)
                .body("status", is(405)).body("title", is("Method Not Allowed"));
    }

    @Test
    void notAcceptableIs406Problem() {
        given().accept("text/csv").get("/api/rules").then()
                .statusCode(406).contentType(PROBLEM)
                .body("status", is(406)).body("title", is("Not Acceptable"));
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        RulesResourceTest.asAdmin().contentType("text/plain").header("If-Match", "\"0\"").body("defaults=none")
                .put("/api/rules").then()
                .statusCode(415).contentType(PROBLEM)
                .body("status", is(415)).body("title", is("Unsupported Media Type"));
    }

    @Test
    void malformedJsonIs400Problem() {
        RulesResourceTest.asAdmin().header("If-Match", "\"0\"").body("{\"defaults\": {").put("/api/rules").then()
                .statusCode(400).contentType(PROBLEM)
                .body("status", is(400)).body("title", is("Unreadable JSON"))
                .body("errors[0]", containsString("end-of-input"));
    }

    @Test
    void aTooLongUriIs414Problem() {
        given().get("/api/verdicts/" + "A".repeat(5_000)).then()
                .statusCode(414).contentType(PROBLEM)
                .body("status", is(414)).body("title", is("Request-URI Too Long"));
        // Just under the limit the request goes through to the resource.
        given().get("/api/verdicts/NOPE?pad=" + "a".repeat(4_000)).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aTooLargeBodyIs413ProblemBeforeItIsSent() throws IOException {
        // Declared on the request line's headers: refused at once, so the client need not send 20 MB first.
        String request = "PUT /api/rules HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-API-Key: " + LocalInfraTestResource.ADMIN.apiKey() + "\r\nIf-Match: \"0\"\r\n"
                + "Content-Length: 20000000\r\n\r\n";
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413 "), response);
            assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
            JsonNode problem = new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertEquals(413, problem.path("status").asInt());
            assertEquals("Request Entity Too Large", problem.path("title").asText());
            assertEquals("/api/rules", problem.path("instance").asText());
        }
    }

    /** Until the server closes the connection (it says Connection: close). */
    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
