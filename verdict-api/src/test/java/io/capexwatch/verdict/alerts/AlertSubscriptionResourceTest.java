package io.capexwatch.verdict.alerts;

import io.capexwatch.localinfra.LocalInfraTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/alerts/subscriptions: admin only, the secret never served, bad input a 4xx problem with nothing stored. */
@QuarkusTest
class AlertSubscriptionResourceTest {
    private static final String URL = "http://127.0.0.1:9/hook";

    @Test
    void createListGetAndDeleteWithoutEverServingTheSecret() {
        var created = AlertsApi.asAdmin().body(Map.of("targetUrl", URL, "secret", AlertsApi.SECRET, "format", "slack",
                        "ticker", "googl", "filters", Map.of("stateChange", true,
                                "thresholds", List.of(Map.of("metric", "TTM_CAPEX_TO_OCF", "value", 0.8)))))
                .post("/api/alerts/subscriptions").then()
                .statusCode(201)
                .body("targetUrl", is(URL))
                .body("format", is("slack"))
                .body("ticker", is("GOOGL"))
                .body("filters.stateChange", is(true))
                .body("filters.ruleOutcomeChange", is(false))
                .body("filters.thresholds[0].metric", is("TTM_CAPEX_TO_OCF"))
                .body("filters.thresholds[0].value", is(0.8f))
                .body("createdBy", is("admin-api-key"))
                .body("secret", nullValue())
                .extract();
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/alerts/subscriptions/" + id), created.header("Location"));
        String one = AlertsApi.asAdmin().get("/api/alerts/subscriptions/" + id).then().statusCode(200)
                .body("id", is((int) id)).body("ticker", is("GOOGL")).extract().asString();
        String all = AlertsApi.asAdmin().get("/api/alerts/subscriptions").then().statusCode(200)
                .body("id", hasItem((int) id)).extract().asString();
        assertFalse(one.contains(AlertsApi.SECRET) || one.contains("secret"), one);
        assertFalse(all.contains(AlertsApi.SECRET) || all.contains("secret"), all);
        AlertsApi.asAdmin().get("/api/alerts/subscriptions/" + id + "/deliveries").then().statusCode(200).body("size()", is(0));

        AlertsApi.delete(id);
        AlertsApi.asAdmin().get("/api/alerts/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
        AlertsApi.asAdmin().delete("/api/alerts/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
        AlertsApi.asAdmin().get("/api/alerts/subscriptions/" + id + "/deliveries").then().statusCode(404);
        AlertsApi.asAdmin().get("/api/alerts/subscriptions").then().body("id", not(hasItem((int) id)));
    }

    @Test
    void everyProblemIsListedIn422AndNothingIsStored() {
        int before = AlertsApi.asAdmin().get("/api/alerts/subscriptions").then().extract().jsonPath().getList("$").size();
        Map<String, Object> body = new HashMap<>();
        body.put("targetUrl", "ftp://example.com/hook");
        body.put("secret", "short");
        body.put("format", "xml");
        body.put("ticker", "not a ticker");
        body.put("filters", Map.of("thresholds", List.of(Map.of("metric", "EBITDA", "value", 1), Map.of("metric", "FCF"))));
        AlertsApi.asAdmin().body(body).post("/api/alerts/subscriptions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", is("Invalid subscription"))
                .body("detail", is("the subscription was not created"))
                .body("errors", equalTo(List.of(
                        "targetUrl: must be an http or https URL",
                        "secret: 16 to 256 characters",
                        "format: json or slack, not 'xml'",
                        "ticker: 'not a ticker' is not a ticker (leave it out for every company)",
                        "filters.thresholds[0].metric: one of TTM_CAPEX_TO_OCF, CAPEX_TO_OCF, TTM_FCF, FCF, TTM_CAPEX, CAPEX, TTM_OCF, OCF",
                        "filters.thresholds[1].value: required")));

        AlertsApi.asAdmin().body(Map.of("targetUrl", "https://user:pass@example.com/hook", "secret", AlertsApi.SECRET,
                        "filters", Map.of()))
                .post("/api/alerts/subscriptions").then()
                .statusCode(422)
                .body("errors", equalTo(List.of(
                        "targetUrl: must not contain credentials (user:password@); the secret signs each delivery",
                        "filters: at least one of stateChange, ruleOutcomeChange, filingStatusChange, restatement, thresholds")));
        AlertsApi.asAdmin().body(Map.of("secret", AlertsApi.SECRET, "filters", Map.of("stateChange", true)))
                .post("/api/alerts/subscriptions").then()
                .statusCode(422).body("errors", equalTo(List.of("targetUrl: required")));
        AlertsApi.asAdmin().body("{\"targetUrl\": ").post("/api/alerts/subscriptions").then()
                .statusCode(400).contentType("application/problem+json");
        AlertsApi.asAdmin().get("/api/alerts/subscriptions").then().body("size()", is(before));
        AlertsApi.asAdmin().post("/api/alerts/subscriptions/999999/deliveries/1/redeliver").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void subscriptionsNeedTheAdminRoleReadsIncluded() {
        Map<String, Object> body = Map.of("targetUrl", URL, "secret", AlertsApi.SECRET, "filters", Map.of("stateChange", true));
        given().contentType(ContentType.JSON).body(body).post("/api/alerts/subscriptions").then()
                .statusCode(401).contentType("application/problem+json");
        given().get("/api/alerts/subscriptions").then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", LocalInfraTestResource.READER_API_KEY).get("/api/alerts/subscriptions").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(LocalInfraTestResource.ADMIN.jwt("analyst", List.of("analyst"))).contentType(ContentType.JSON)
                .body(body).post("/api/alerts/subscriptions").then().statusCode(403);
        long id = given().auth().oauth2(LocalInfraTestResource.ADMIN.jwt("ops", List.of("admin"))).contentType(ContentType.JSON)
                .body(body).post("/api/alerts/subscriptions").then().statusCode(201)
                .body("createdBy", is("ops")).body("format", is("json")).body("ticker", nullValue())
                .extract().jsonPath().getLong("id");
        AlertsApi.delete(id);
    }
}
