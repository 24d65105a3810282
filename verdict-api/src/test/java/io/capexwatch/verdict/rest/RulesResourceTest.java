package io.capexwatch.verdict.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.localinfra.LocalInfraTestResource;
import io.capexwatch.verdict.TestMessages;
import io.capexwatch.verdict.rules.Thresholds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/** GET/PUT /api/rules: versioned thresholds, per-company overrides, every company evaluated again at once. */
@QuarkusTest
class RulesResourceTest {
    private static final long CIK = 9_900_005L;
    private static final String TICKER = "RULES";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void backToTheDefaults() {
        restoreDefaults();
    }

    /** Puts the configured thresholds back, against whatever version is in force. */
    static void restoreDefaults() {
        asAdmin().header("If-Match", given().get("/api/rules").header("ETag"))
                .body(Map.of("defaults", Thresholds.DEFAULTS, "companies", Map.of())).put("/api/rules").then().statusCode(200);
    }

    @Test
    void aChangeOfRulesEvaluatesEveryCompanyAgainAtOnce() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER)
                .then().statusCode(200).body("state", is("WATCH")));
        int version = given().get("/api/rules").then().statusCode(200)
                .body("defaults.capexIntensityWatch", is(0.60f))
                .body("defaults.capexIntensitySlipping", is(0.85f))
                .extract().path("version");
        given().get("/api/rules").then().header("ETag", is("\"" + version + "\""));

        // RULES's TTM capex/OCF is 0.6305: with its own slipping threshold at 0.62 it is now SLIPPING.
        asAdmin().header("If-Match", "\"" + version + "\"")
                .body(Map.of("defaults", Thresholds.DEFAULTS,
                        "companies", Map.of("rules", Map.of("capexIntensityWatch", 0.50, "capexIntensitySlipping", 0.62))))
                .put("/api/rules").then()
                .statusCode(200)
                .header("ETag", is("\"" + (version + 1) + "\""))
                .body("rules.version", is(version + 1))
                .body("rules.changedBy", is("admin-api-key"))
                .body("rules.companies.RULES.capexIntensitySlipping", is(0.62f))
                .body("companiesEvaluated", greaterThanOrEqualTo(1));

        given().get("/api/verdicts/" + TICKER).then()
                .body("state", is("SLIPPING"))
                .body("previousState", is("WATCH"))
                .body("rulesVersion", is(version + 1))
                .body("rules.find { it.rule == 'capex-intensity' }.outcome", is("SLIPPING"))
                .body("rules.find { it.rule == 'capex-intensity' }.thresholds.slipping", is(0.62f));
        given().get("/api/verdicts/" + TICKER + "/history").then()
                .body("size()", is(2))
                .body("rulesVersion", equalTo(List.of(version + 1, version)));

        // A change made against an older version is refused: the rules moved on meanwhile.
        asAdmin().header("If-Match", "\"" + version + "\"").body(Map.of("defaults", Thresholds.DEFAULTS))
                .put("/api/rules").then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("detail", is("the rules are at version " + (version + 1) + ", not " + version + "; read them again"));
        given().get("/api/rules").then().body("version", is(version + 1));
    }

    @Test
    void unusableThresholdsAre422AndChangeNothing() {
        int version = given().get("/api/rules").then().extract().path("version");
        asAdmin().header("If-Match", "\"" + version + "\"")
                .body(Map.of("defaults", Map.of("capexIntensityWatch", 0.9, "capexIntensitySlipping", 0.8)))
                .put("/api/rules").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", is("Invalid rules"))
                .body("errors", equalTo(List.of(
                        "defaults.fcfDeclineWatch: required",
                        "defaults.cashEngineWatch: required",
                        "defaults.cashEngineSlipping: required",
                        "defaults.monetizationGapWatch: required",
                        "defaults.paybackHurdle: required",
                        "defaults.depreciationGapWatch: required",
                        "defaults: capexIntensityWatch must be below capexIntensitySlipping")));
        given().get("/api/rules").then().body("version", is(version));
    }

    @Test
    void changingRulesNeedsTheAdminRole() {
        Map<String, Object> body = Map.of("defaults", Thresholds.DEFAULTS);
        given().contentType(ContentType.JSON).body(body).put("/api/rules").then()
                .statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", LocalInfraTestResource.READER_API_KEY).contentType(ContentType.JSON).body(body)
                .put("/api/rules").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(LocalInfraTestResource.ADMIN.jwt("analyst", List.of("analyst"))).contentType(ContentType.JSON)
                .body(body).put("/api/rules").then().statusCode(403);
        given().auth().oauth2(LocalInfraTestResource.ADMIN.jwt("ops", List.of("admin"))).contentType(ContentType.JSON)
                .header("If-Match", given().get("/api/rules").header("ETag"))
                .body(body).put("/api/rules").then().statusCode(200).body("rules.changedBy", is("ops"));
    }

    @Test
    void aChangeWithoutIfMatchIs428AndChangesNothing() {
        int version = given().get("/api/rules").then().extract().path("version");
        asAdmin().body(Map.of("defaults", Thresholds.DEFAULTS)).put("/api/rules").then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("status", is(428))
                .body("title", is("Precondition Required"))
                .body("type", is("https://capexwatch.io/problems/if-match-required"));
        asAdmin().header("If-Match", "three").body(Map.of("defaults", Thresholds.DEFAULTS)).put("/api/rules").then()
                .statusCode(400).contentType("application/problem+json").body("type", is("https://capexwatch.io/problems/invalid-if-match"));
        given().get("/api/rules").then().body("version", is(version));
    }

    static RequestSpecification asAdmin() {
        return given().header("X-API-Key", LocalInfraTestResource.ADMIN.apiKey()).contentType(ContentType.JSON);
    }
}
