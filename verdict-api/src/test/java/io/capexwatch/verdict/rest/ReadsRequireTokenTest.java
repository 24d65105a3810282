package io.capexwatch.verdict.rest;

import io.capexwatch.localinfra.LocalInfraTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.containsStringIgnoringCase;

/** With capexwatch.auth.reads-require-token=true every read under /api needs a credential; probes do not. */
@QuarkusTest
@TestProfile(ReadsRequireTokenTest.TokenForReads.class)
class ReadsRequireTokenTest {
    public static class TokenForReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("capexwatch.auth.reads-require-token", "true");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/verdicts", "/api/verdicts/GOOGL", "/api/verdicts/GOOGL/history", "/api/verdicts/stream"})
    void readsNeedAToken(String path) {
        given().get(path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", is("Bearer"))
                .body("title", is("Unauthorized"));
        given().header("X-API-Key", "not-a-key").get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.jwt").get(path).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reader-key", "admin-key", "analyst-jwt"})
    void anyValidCredentialMayRead(String credential) {
        var request = switch (credential) {
            case "reader-key" -> given().header("X-API-Key", LocalInfraTestResource.READER_API_KEY);
            case "admin-key" -> given().header("X-API-Key", LocalInfraTestResource.ADMIN.apiKey());
            default -> given().auth().oauth2(LocalInfraTestResource.ADMIN.jwt("analyst", List.of("analyst")));
        };
        request.get("/api/verdicts").then().statusCode(200).contentType("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/live", "/q/health/ready", "/", "/board.js"})
    void probesAndTheBoardPageStayOpen(String path) {
        given().get(path).then().statusCode(200);
    }

    @Test
    void corsPreflightNeedsNoToken() {
        given().header("Origin", "https://dashboards.example.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-api-key")
                .options("/api/verdicts").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", is("https://dashboards.example.com"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("x-api-key"));
    }
}
