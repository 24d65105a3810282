package io.capexwatch.verdict.board;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/**
 * The group's share of all filers' capex comes from earnings-ingest (which alone talks to EDGAR), here a real
 * HTTP server in the test answering as earnings-ingest does (the bodies below are only its): passed through, its
 * 400 kept, its 5xx a 502.
 */
@QuarkusTest
@TestProfile(AllFilersResourceTest.FakeIngest.class)
class AllFilersResourceTest {
    private static HttpServer server;

    public static class FakeIngest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.ingest.url", "http://127.0.0.1:" + start().getAddress().getPort());
        }
    }

    static synchronized HttpServer start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/frames/capex/", exchange -> {
                String period = exchange.getRequestURI().getPath().substring("/api/frames/capex/".length());
                String body;
                int status;
                String type = "application/problem+json";
                switch (period) {
                    case "CY2024" -> {
                        status = 200;
                        type = "application/json";
                        body = "{\"period\":\"CY2024\",\"filers\":5,\"totalUsd\":282795000000,\"watchedUsd\":172795000000,\"share\":0.6110}";
                    }
                    case "CY2025Q2" -> {
                        status = 400;
                        body = "{\"status\":400,\"title\":\"Bad request\",\"detail\":\"'CY2025Q2' cannot be computed from frames: only first quarters\"}";
                    }
                    default -> {
                        status = 503;
                        body = "{\"status\":503,\"title\":\"EDGAR access is off\",\"detail\":\"set capexwatch.edgar.user-agent\"}";
                    }
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", type);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }
        return server;
    }

    @Test
    void theShareIsEarningsIngestsAnswerAndItsErrorsAreNamed() {
        given().get("/api/group/all-filers/cy2024").then().statusCode(200).contentType("application/json")
                .body("filers", is(5)).body("totalUsd", is(282_795_000_000L)).body("share", is(0.6110f));
        given().get("/api/group/all-filers/CY2025Q2").then().statusCode(400).contentType("application/problem+json")
                .body("detail", is("'CY2025Q2' cannot be computed from frames: only first quarters"));
        given().get("/api/group/all-filers/CY2023").then().statusCode(502).contentType("application/problem+json")
                .body("detail", is("earnings-ingest answered 503: set capexwatch.edgar.user-agent"));
        given().get("/api/group/all-filers/2024").then().statusCode(400).contentType("application/problem+json");
    }
}
