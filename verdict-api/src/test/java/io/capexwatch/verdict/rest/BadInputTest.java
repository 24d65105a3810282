package io.capexwatch.verdict.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** What a client can send wrong to verdict-api: each a 4xx problem+json that changes nothing. */
@QuarkusTest
class BadInputTest {
    private static final String PROBLEM = "application/problem+json";
    /** Raw (already encoded) path segments that are no ticker: NUL, SQL, a euro sign, too long, a leading digit. */
    private static final List<String> NOT_TICKERS = List.of("%00", "A%00B", "%27%3B%20drop%20table%20schedule%3B--",
            "%E2%82%AC", "ABCDEFGHIJKLMNOPQ", "1ABC", "%20");

    @Inject
    Pool database;

    @Test
    void aPathThatIsNoTickerIs400OnEveryReadAndWrite() {
        for (String ticker : NOT_TICKERS) {
            for (String path : List.of("/api/verdicts/" + ticker, "/api/verdicts/" + ticker + "/history",
                    "/api/companies/" + ticker + "/schedule")) {
                given().urlEncodingEnabled(false).get(path).then()
                        .statusCode(400).contentType(PROBLEM)
                        .body("status", is(400))
                        .body("type", is("https://capexwatch.io/problems/invalid-ticker"));
            }
            ScheduleResourceTest.asAdmin().urlEncodingEnabled(false).header("If-Match", "\"0\"")
                    .body(Map.of("milestones", List.of())).put("/api/companies/" + ticker + "/schedule").then()
                    .statusCode(400).contentType(PROBLEM).body("type", is("https://capexwatch.io/problems/invalid-ticker"));
        }
    }

    @Test
    void aTargetNoDoubleCanHoldIs422AndNothingIsStored() {
        String huge = "{\"milestones\":[{\"metric\":\"TTM_FCF\",\"comparison\":\"AT_LEAST\",\"target\":1e309,"
                + "\"fiscalYear\":2026,\"fiscalQuarter\":4}]}";
        ScheduleResourceTest.asAdmin().header("If-Match", "\"0\"").body(huge).put("/api/companies/HUGE/schedule").then()
                .statusCode(422).contentType(PROBLEM)
                .body("errors", equalTo(List.of("milestones[0].target: below 10^15 in magnitude, at most 15 significant "
                        + "digits and 15 decimals")));
        ScheduleResourceTest.asAdmin().header("If-Match", "\"0\"").body(huge.replace("1e309", "0.1234567890123456789"))
                .put("/api/companies/HUGE/schedule").then().statusCode(422);
        given().get("/api/companies/HUGE/schedule").then().statusCode(200).body("version", is(0));
        // The largest target that is taken comes back exactly.
        ScheduleResourceTest.asAdmin().header("If-Match", "\"0\"").body(huge.replace("1e309", "999999999999999"))
                .put("/api/companies/HUGE/schedule").then().statusCode(200).body("version", is(1));
        given().get("/api/companies/HUGE/schedule").then().statusCode(200)
                .body("milestones[0].target", is(999_999_999_999_999L));
    }

    @Test
    void aScheduleStoredWithAnInfiniteTargetIsRepairedByTheMigration() throws IOException {
        // What the PostgreSQL client made of a target of 1e309 before targets were bounded.
        database.query("INSERT INTO schedule (ticker, version, milestones, changed_by, changed_at) VALUES ('POISON', 1, "
                + "'{\"milestones\": [{\"metric\": \"TTM_FCF\", \"comparison\": \"AT_LEAST\", \"target\": \"Infinity\", "
                + "\"fiscalYear\": 2026, \"fiscalQuarter\": 4}, {\"metric\": \"TTM_OCF\", \"comparison\": \"AT_LEAST\", "
                + "\"target\": 5, \"fiscalYear\": 2026, \"fiscalQuarter\": 3}]}', 'test', now())")
                .execute().await().atMost(Duration.ofSeconds(10));
        given().get("/api/companies/POISON/schedule").then().statusCode(500);

        database.query(migration("V4__schedule_targets_repaired.sql")).execute().await().atMost(Duration.ofSeconds(10));
        given().get("/api/companies/POISON/schedule").then().statusCode(200)
                .body("version", is(1))
                .body("milestones.metric", equalTo(List.of("TTM_OCF")))
                .body("milestones[0].target", is(5));
        ScheduleResourceTest.asAdmin().header("If-Match", "\"1\"").body(Map.of("milestones", List.of()))
                .put("/api/companies/POISON/schedule").then().statusCode(200).body("version", is(2));
    }

    @Test
    void fieldsOfTheWrongTypeAre400NamingTheField() {
        RulesResourceTest.asAdmin().header("If-Match", "\"0\"").body("{\"defaults\": {\"capexIntensityWatch\": \"high\"}}")
                .put("/api/rules").then()
                .statusCode(400).contentType(PROBLEM)
                .body("title", is("Unreadable JSON"))
                .body("errors[0]", startsWith("defaults.capexIntensityWatch: not a valid BigDecimal (line 1, column "));
        RulesResourceTest.asAdmin().header("If-Match", "\"0\"").body("{\"defaults\": [1, 2]}").put("/api/rules").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0]", startsWith("defaults: not a valid Thresholds"));
        ScheduleResourceTest.asAdmin().header("If-Match", "\"0\"")
                .body("{\"milestones\": [{\"metric\": \"TTM_FCF\", \"comparison\": \"AT_LEAST\", \"target\": 1, \"fiscalYear\": \"soon\"}]}")
                .put("/api/companies/ORCL/schedule").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0]", startsWith("milestones[0].fiscalYear: not a valid int"));
        ScheduleResourceTest.asAdmin().header("If-Match", "\"0\"").body("{\"milestones\": [{\"metric\": \"CAPEX_GROWTH\"}]}")
                .put("/api/companies/ORCL/schedule").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0]", startsWith("milestones[0].metric: not a valid Metric"));
        given().get("/api/companies/ORCL/schedule").then().body("version", is(0));
    }

    @Test
    void aFieldNamedTwiceIs400() {
        RulesResourceTest.asAdmin().header("If-Match", "\"0\"")
                .body("{\"defaults\": {\"paybackHurdle\": 0.1}, \"defaults\": {\"paybackHurdle\": 0.2}}")
                .put("/api/rules").then()
                .statusCode(400).contentType(PROBLEM)
                .body("status", is(400))
                .body("errors[0]", startsWith("Duplicate field 'defaults'"));
        ScheduleResourceTest.asAdmin().header("If-Match", "\"0\"").body("{\"milestones\": [], \"milestones\": []}")
                .put("/api/companies/ORCL/schedule").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0]", startsWith("Duplicate field 'milestones'"));
        given().get("/api/companies/ORCL/schedule").then().body("version", is(0));
    }

    private static String migration(String name) throws IOException {
        try (InputStream sql = BadInputTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
