package io.capexwatch.verdict.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.capexwatch.localinfra.LocalInfraTestResource;
import io.capexwatch.verdict.TestMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An analyst's schedule of milestones: stored in versions, judged on the verdict at once. */
@QuarkusTest
class ScheduleResourceTest {
    private static final long CIK = 9_900_006L;
    private static final String TICKER = "SCHED";
    private static final Map<String, Object> MISSED = Map.of("metric", "TTM_CAPEX_TO_OCF", "comparison", "AT_MOST",
            "target", 0.50, "fiscalYear", 2025, "fiscalQuarter", 3);
    private static final Map<String, Object> AT_RISK = Map.of("metric", "TTM_CAPEX_TO_OCF", "comparison", "AT_MOST",
            "target", 0.60, "fiscalYear", 2026, "fiscalQuarter", 4);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Test
    void aScheduleIsJudgedOnTheVerdictAtOnce() throws Exception {
        TestMessages.send(bootstrap, mapper, TestMessages.METRICS, TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/verdicts/" + TICKER)
                .then().statusCode(200).body("scheduleVersion", is(0)).body("milestones", equalTo(List.of())));
        String first = given().get("/api/verdicts/" + TICKER).then().extract().asString();
        given().get("/api/companies/" + TICKER + "/schedule").then().statusCode(200)
                .header("ETag", is("\"0\""))
                .body("version", is(0))
                .body("milestones", equalTo(List.of()));

        asAdmin().header("If-Match", "\"0\"").body(Map.of("milestones", List.of(MISSED, AT_RISK)))
                .put("/api/companies/" + TICKER.toLowerCase() + "/schedule").then()
                .statusCode(200)
                .header("ETag", is("\"1\""))
                .body("ticker", is(TICKER))
                .body("version", is(1))
                .body("changedBy", is("admin-api-key"))
                .body("milestones.metric", equalTo(List.of("TTM_CAPEX_TO_OCF", "TTM_CAPEX_TO_OCF")));

        given().get("/api/verdicts/" + TICKER).then()
                .body("scheduleVersion", is(1))
                .body("state", is("WATCH"))
                .body("milestones.status", equalTo(List.of("MISSED", "AT_RISK")))
                .body("milestones[0].value", is(0.5143f))
                .body("milestones[1].projected", is(0.7436f))
                .body("milestones[1].sentence", is("TTM_CAPEX_TO_OCF <= 0.6 by FY2026 Q4: 0.6305 now; the last four quarters' "
                        + "trend gives 0.7436 by the deadline, short of the target."));
        given().get("/api/verdicts/" + TICKER + "/history").then().body("scheduleVersion", equalTo(List.of(1, 0)));
        // Evaluated again from the stored metrics input: the same quarters, to the ratios' trailing zeros, both
        // as served and in the history's stored bodies.
        String again = given().get("/api/verdicts/" + TICKER).then().extract().asString();
        assertEquals(quartersOf(first), quartersOf(again));
        assertTrue(quartersOf(again).contains("\"capexToOcf\":0.4950,"), quartersOf(again));
        JsonNode history = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .readTree(given().get("/api/verdicts/" + TICKER + "/history").then().extract().asString());
        assertEquals(mapper.writeValueAsString(history.get(1).get("quarters")),
                mapper.writeValueAsString(history.get(0).get("quarters")));
        assertTrue(mapper.writeValueAsString(history.get(0).get("quarters")).contains("\"capexToOcf\":0.4950,"));

        asAdmin().header("If-Match", "\"0\"").body(Map.of("milestones", List.of()))
                .put("/api/companies/" + TICKER + "/schedule").then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("detail", is("the schedule of SCHED is at version 1, not 0; read it again"));
    }

    @Test
    void milestonesThatCannotBeJudgedAre422() {
        asAdmin().header("If-Match", "\"0\"").body(Map.of("milestones", List.of(Map.of("comparison", "AT_MOST", "target", 1, "fiscalYear", 2026, "fiscalQuarter", 5))))
                .put("/api/companies/ORCL/schedule").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", equalTo(List.of(
                        "milestones[0].metric: required, one of [TTM_CAPEX_TO_OCF, TTM_FCF, TTM_OCF, TTM_CAPEX, TTM_REVENUE, CAPEX_TO_OCF, FCF]",
                        "milestones[0].fiscalQuarter: 5 is not 1 to 4")));
        given().get("/api/companies/ORCL/schedule").then().body("version", is(0));
    }

    @Test
    void changingAScheduleNeedsTheAdminRole() {
        given().contentType(ContentType.JSON).body(Map.of("milestones", List.of())).put("/api/companies/ORCL/schedule")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", LocalInfraTestResource.READER_API_KEY).contentType(ContentType.JSON)
                .body(Map.of("milestones", List.of())).put("/api/companies/ORCL/schedule").then().statusCode(403);
    }

    static RequestSpecification asAdmin() {
        return given().header("X-API-Key", LocalInfraTestResource.ADMIN.apiKey()).contentType(ContentType.JSON);
    }

    /** The verdict body's quarters (its chart), its last member, as the bytes served. */
    private static String quartersOf(String body) {
        return body.substring(body.lastIndexOf("\"quarters\":["));
    }
}
