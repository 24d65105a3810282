package io.capexwatch.verdict.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.localinfra.LocalInfraTestResource;
import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.verdict.AlphabetMetrics;
import io.capexwatch.verdict.TestMessages;
import io.capexwatch.verdict.rules.Thresholds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET/PUT /api/rules: versioned thresholds, per-company overrides, every company evaluated again at once. */
@QuarkusTest
class RulesResourceTest {
    private static final long CIK = 9_900_005L;
    private static final String TICKER = "RULES";
    private static final long COMMIT_CIK = 9_900_007L;
    private static final String COMMIT = "COMMIT";
    private static final String OVERHANG = "rules.find { it.rule == 'commitments-overhang' }";

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
                        "defaults.commitmentsOverhangWatch: required",
                        "defaults.commitmentsOverhangSlipping: required",
                        "defaults: capexIntensityWatch must be below capexIntensitySlipping")));
        given().get("/api/rules").then().body("version", is(version));
    }

    @Test
    void theCommitmentsOverhangThresholdsAreVersionedAndAChangeEvaluatesAgain() throws Exception {
        // Alphabet's series with Amazon's leases not yet commenced at 2022-12-31 ($27,029M) on its latest quarter:
        // against TTM OCF $174,353M that is 0.1550x, OK under the defaults (watch from 1.00x).
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, withCommitments(COMMIT_CIK, COMMIT));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + COMMIT).then().statusCode(200)
                .body(OVERHANG + ".outcome", is("OK")));
        Response before = given().get("/api/rules");
        int version = before.then().statusCode(200).extract().path("version");
        // Two decimals as configured, not 1 or 3.0.
        assertTrue(before.asString().contains("\"commitmentsOverhangWatch\":1.00"), before.asString());
        assertTrue(before.asString().contains("\"commitmentsOverhangSlipping\":3.00"), before.asString());
        Response watched = given().get("/api/verdicts/" + COMMIT);
        watched.then().body("state", is("WATCH"));
        assertDecimal("1.00", watched, OVERHANG + ".thresholds.watch");
        assertDecimal("3.00", watched, OVERHANG + ".thresholds.slipping");

        Map<String, Object> defaults = new LinkedHashMap<>(mapper.convertValue(Thresholds.DEFAULTS, Map.class));
        defaults.put("commitmentsOverhangWatch", new BigDecimal("0.10"));
        defaults.put("commitmentsOverhangSlipping", new BigDecimal("0.15"));
        Response changed = asAdmin().header("If-Match", "\"" + version + "\"")
                .body(Map.of("defaults", defaults, "companies", Map.of())).put("/api/rules");
        changed.then().statusCode(200)
                .header("ETag", is("\"" + (version + 1) + "\""))
                .body("rules.version", is(version + 1))
                .body("companiesEvaluated", greaterThanOrEqualTo(1));
        assertTrue(changed.asString().contains("\"commitmentsOverhangWatch\":0.10"), changed.asString());
        assertTrue(changed.asString().contains("\"commitmentsOverhangSlipping\":0.15"), changed.asString());
        Response after = given().get("/api/rules");
        after.then().body("version", is(version + 1)).header("ETag", is("\"" + (version + 1) + "\""));
        assertTrue(after.asString().contains("\"commitmentsOverhangWatch\":0.10"), after.asString());
        assertTrue(after.asString().contains("\"commitmentsOverhangSlipping\":0.15"), after.asString());

        // 0.1550x is now past slipping (0.15x): the rule and the verdict slip, and the sentence names the limits used.
        Response slipped = given().get("/api/verdicts/" + COMMIT);
        slipped.then()
                .body("state", is("SLIPPING"))
                .body("previousState", is("WATCH"))
                .body("rulesVersion", is(version + 1))
                .body(OVERHANG + ".outcome", is("SLIPPING"))
                .body(OVERHANG + ".inputs.offBalanceSheetCommitments", is(27_029_000_000L))
                .body(OVERHANG + ".sentence", is("$27.0B signed but not yet on the balance sheet (leases not yet "
                        + "commenced $27.0B) is 0.16x TTM operating cash flow (watch from 0.10x, slipping from 0.15x)."));
        assertDecimal("0.10", slipped, OVERHANG + ".thresholds.watch");
        assertDecimal("0.15", slipped, OVERHANG + ".thresholds.slipping");
        assertDecimal("0.1550", slipped, OVERHANG + ".inputs.offBalanceSheetToTtmOcf");
    }

    @Test
    void unusableCommitmentsOverhangThresholdsAreRefusedAndChangeNothing() {
        int version = given().get("/api/rules").then().extract().path("version");
        String etag = "\"" + version + "\"";
        Map<String, Object> reversed = new LinkedHashMap<>(mapper.convertValue(Thresholds.DEFAULTS, Map.class));
        reversed.put("commitmentsOverhangWatch", new BigDecimal("3.00"));
        reversed.put("commitmentsOverhangSlipping", new BigDecimal("1.00"));
        asAdmin().header("If-Match", etag).body(Map.of("defaults", reversed)).put("/api/rules").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors", equalTo(List.of("defaults: commitmentsOverhangWatch must be below commitmentsOverhangSlipping")));

        Map<String, Object> zero = new LinkedHashMap<>(mapper.convertValue(Thresholds.DEFAULTS, Map.class));
        zero.put("commitmentsOverhangWatch", BigDecimal.ZERO);
        zero.put("commitmentsOverhangSlipping", new BigDecimal("-1.00"));
        asAdmin().header("If-Match", etag).body(Map.of("defaults", zero)).put("/api/rules").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors", equalTo(List.of("defaults.commitmentsOverhangSlipping: -1.00 is outside 0 to 50",
                        "defaults: commitmentsOverhangWatch must be above 0",
                        "defaults: commitmentsOverhangWatch must be below commitmentsOverhangSlipping")));

        // A company override is checked merged with the defaults: slipping 0.80x under the default watch 1.00x.
        asAdmin().header("If-Match", etag)
                .body(Map.of("defaults", Thresholds.DEFAULTS, "companies", Map.of("AMZN", Map.of("commitmentsOverhangSlipping", 0.80))))
                .put("/api/rules").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors", equalTo(List.of("companies.AMZN: commitmentsOverhangWatch must be below commitmentsOverhangSlipping")));

        asAdmin().header("If-Match", etag)
                .body("{\"defaults\": {\"commitmentsOverhangWatch\": \"one year\"}}").put("/api/rules").then()
                .statusCode(400).contentType("application/problem+json")
                .body("status", is(400))
                .body("errors[0]", startsWith("defaults.commitmentsOverhangWatch: not a valid BigDecimal (line 1, column "));
        asAdmin().header("If-Match", etag)
                .body("{\"defaults\": {\"commitmentsOverhangSlipping\": [3]}}").put("/api/rules").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0]", startsWith("defaults.commitmentsOverhangSlipping: "));

        Response unchanged = given().get("/api/rules");
        unchanged.then().body("version", is(version));
        assertTrue(unchanged.asString().contains("\"commitmentsOverhangWatch\":1.00"), unchanged.asString());
        assertTrue(unchanged.asString().contains("\"commitmentsOverhangSlipping\":3.00"), unchanged.asString());
    }

    /** Numerically: the verdict's JSON writes 1.00 as 1 (trailing zeros are not kept there). */
    private static void assertDecimal(String expected, Response response, String path) {
        Object actual = response.path(path);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))), path + ": " + actual);
    }

    private static MetricsSnapshot withCommitments(long cik, String ticker) {
        List<QuarterMetrics> quarters = new ArrayList<>(AlphabetMetrics.quarters());
        QuarterMetrics latest = quarters.getLast();
        long leases = 27_029_000_000L;
        BigDecimal multiple = BigDecimal.valueOf(leases).divide(BigDecimal.valueOf(latest.ttmOcf()), 4, RoundingMode.HALF_EVEN);
        CompanyDefinedMetrics own = new CompanyDefinedMetrics(null, null, null, List.of(new CompanyDefinedMetrics.Commitment(
                "leases-not-yet-commenced", "Leases not yet commenced", "10-K", "EXACT", leases, multiple, true,
                "amzn:LesseeLeaseNotYetCommencedFutureMinimumPaymentsDue")), leases, multiple, List.of());
        quarters.set(quarters.size() - 1, AlphabetMetrics.withCompanyDefined(latest, own));
        return new MetricsSnapshot(MetricsSnapshot.SCHEMA_VERSION, cik, ticker, ticker + " TEST CO", 1, 1,
                Instant.parse("2026-05-01T00:00:00Z"), quarters);
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
