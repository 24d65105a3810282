package io.capexwatch.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Reads one series from the service's Prometheus endpoint. */
public final class Metrics {
    private Metrics() {
    }

    /** @param series e.g. {@code capexwatch_edgar_xbrl_lag_exceeded_total{ticker="LAGX"}}; 0 when absent */
    public static double value(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
