package io.capexwatch.verdict.rest;

import io.capexwatch.verdict.AtOnce;
import io.capexwatch.verdict.rules.Thresholds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two admins change the same thing at the same moment, both against the version they read: exactly one
 * change is taken (200, the next version) and the other is told it changed meanwhile (412 problem), over
 * real HTTP, several times over.
 */
@QuarkusTest
class ConcurrentChangesTest {
    private static final int ROUNDS = 4;

    @AfterEach
    void backToTheDefaults() {
        RulesResourceTest.restoreDefaults();
    }

    @Test
    void twoRuleChangesAgainstTheSameVersionGiveOne200AndOne412() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int version = given().get("/api/rules").then().extract().path("version");
            List<Response> answers = together(i -> RulesResourceTest.asAdmin().header("If-Match", "\"" + version + "\"")
                    .body(Map.of("defaults", withPayback(Thresholds.DEFAULTS, "0.1" + i), "companies", Map.of()))
                    .put("/api/rules"));
            Response won = oneWinner(answers);
            won.then().body("rules.version", is(version + 1));
            // What is in force is what the winner sent, and the version moved on once.
            Response inForce = given().get("/api/rules");
            inForce.then().body("version", is(version + 1));
            assertEquals((Object) won.path("rules.defaults.paybackHurdle"), inForce.path("defaults.paybackHurdle"));
        }
    }

    @Test
    void twoScheduleChangesAgainstTheSameVersionGiveOne200AndOne412() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int version = given().get("/api/companies/RACES/schedule").then().extract().path("version");
            List<Response> answers = together(i -> ScheduleResourceTest.asAdmin().header("If-Match", "\"" + version + "\"")
                    .body(Map.of("milestones", List.of(Map.of("metric", "TTM_FCF", "comparison", "AT_LEAST",
                            "target", 1_000_000 * (i + 1), "fiscalYear", 2026, "fiscalQuarter", 4))))
                    .put("/api/companies/RACES/schedule"));
            Response won = oneWinner(answers);
            won.then().body("version", is(version + 1));
            Response inForce = given().get("/api/companies/RACES/schedule");
            inForce.then().body("version", is(version + 1));
            assertEquals((Object) won.path("milestones[0].target"), inForce.path("milestones[0].target"));
        }
    }

    private static Response oneWinner(List<Response> answers) {
        List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(200, 412), statuses, () -> answers.stream().map(Response::asString).toList().toString());
        Response lost = answers.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
        assertEquals("application/problem+json", lost.contentType());
        assertEquals(412, (int) lost.path("status"));
        return answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
    }

    /** Two requests released at the same instant. */
    private static List<Response> together(IntFunction<Response> request) throws Exception {
        return AtOnce.run(2, which -> () -> request.apply(which));
    }

    private static Thresholds withPayback(Thresholds t, String hurdle) {
        return new Thresholds(t.capexIntensityWatch(), t.capexIntensitySlipping(), t.fcfDeclineWatch(), t.cashEngineWatch(),
                t.cashEngineSlipping(), t.monetizationGapWatch(), new BigDecimal(hurdle), t.depreciationGapWatch(),
                t.commitmentsOverhangWatch(), t.commitmentsOverhangSlipping());
    }
}
