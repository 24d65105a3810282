package io.capexwatch.verdict.alerts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** With capexwatch.alerts.allow-private-targets=false (the default outside tests), inner addresses are a 422. */
@QuarkusTest
@TestProfile(PrivateTargetsRefusedTest.Refused.class)
class PrivateTargetsRefusedTest {

    public static class Refused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("capexwatch.alerts.allow-private-targets", "false");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080/hook|127.0.0.1|127.0.0.1|loopback",
            "http://[::1]:8080/hook|[::1]|0:0:0:0:0:0:0:1|loopback",
            "http://169.254.169.254/latest/meta-data|169.254.169.254|169.254.169.254|link-local",
            "https://10.1.2.3/hook|10.1.2.3|10.1.2.3|private",
            "https://172.20.0.5/hook|172.20.0.5|172.20.0.5|private",
            "https://192.168.1.10/hook|192.168.1.10|192.168.1.10|private",
            "https://[fd12:3456::1]/hook|[fd12:3456::1]|fd12:3456:0:0:0:0:0:1|private (unique local)",
            "http://0.0.0.0/hook|0.0.0.0|0.0.0.0|unspecified",
            "http://224.0.0.1/hook|224.0.0.1|224.0.0.1|multicast"})
    void innerAddressesAreRefused(String url, String host, String address, String kind) {
        int before = AlertsApi.asAdmin().get("/api/alerts/subscriptions").then().extract().jsonPath().getList("$").size();
        AlertsApi.asAdmin().body(Map.of("targetUrl", url, "secret", AlertsApi.SECRET, "filters", Map.of("stateChange", true)))
                .post("/api/alerts/subscriptions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", is("Invalid subscription"))
                .body("errors", equalTo(List.of("targetUrl: host " + host + " resolves to " + address + ", a " + kind
                        + " address (allowed only with capexwatch.alerts.allow-private-targets=true)")));
        AlertsApi.asAdmin().get("/api/alerts/subscriptions").then().body("size()", is(before));
    }

    @ParameterizedTest
    @CsvSource({"http://localhost:8080/hook"})
    void aNameThatResolvesToLoopbackIsRefused(String url) {
        AlertsApi.asAdmin().body(Map.of("targetUrl", url, "secret", AlertsApi.SECRET, "filters", Map.of("stateChange", true)))
                .post("/api/alerts/subscriptions").then()
                .statusCode(422)
                .body("errors[0]", org.hamcrest.Matchers.startsWith("targetUrl: host localhost resolves to "))
                .body("errors[0]", org.hamcrest.Matchers.containsString(", a loopback address"));
    }

    @ParameterizedTest
    @CsvSource({"https://93.184.215.14/hooks/capex"})
    void aPublicAddressIsAccepted(String url) {
        long id = AlertsApi.asAdmin().body(Map.of("targetUrl", url, "secret", AlertsApi.SECRET, "filters", Map.of("stateChange", true)))
                .post("/api/alerts/subscriptions").then().statusCode(201).body("targetUrl", is(url))
                .extract().jsonPath().getLong("id");
        AlertsApi.delete(id);
    }
}
