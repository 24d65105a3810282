package io.capexwatch.verdict.alerts;

import io.capexwatch.localinfra.LocalInfraTestResource;
import io.capexwatch.verdict.AlphabetMetrics;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The alerts admin API as tests call it, and the metric series that make verdicts change. */
final class AlertsApi {
    static final String SECRET = "whsec-test-0123456789abcdef";
    private static final long M = 1_000_000L;

    private AlertsApi() {
    }

    static RequestSpecification asAdmin() {
        return given().header("X-API-Key", LocalInfraTestResource.ADMIN.apiKey()).contentType(ContentType.JSON);
    }

    static long subscribe(String url, String format, String ticker, Map<String, Object> filters) {
        Map<String, Object> body = new HashMap<>();
        body.put("targetUrl", url);
        body.put("secret", SECRET);
        body.put("format", format);
        body.put("ticker", ticker);
        body.put("filters", filters);
        return asAdmin().body(body).post("/api/alerts/subscriptions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Newest first. */
    static List<Map<String, Object>> deliveries(long subscription) {
        return asAdmin().get("/api/alerts/subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static void delete(long subscription) {
        asAdmin().delete("/api/alerts/subscriptions/" + subscription).then().statusCode(204);
    }

    /** Alphabet's series with 2026 Q1's TTM capex raised to 156,918M: TTM capex/OCF 0.9000, capex intensity SLIPPING. */
    static List<QuarterMetrics> slipping() {
        List<QuarterMetrics> quarters = new ArrayList<>(AlphabetMetrics.quarters());
        QuarterMetrics q = AlphabetMetrics.quarter(LocalDate.parse("2026-03-31"), 45_790 * M, 35_674 * M, 174_353 * M,
                156_918 * M, "0001652044-26-000048");
        quarters.set(quarters.size() - 1, AlphabetMetrics.withRevenueAndDepreciation(q, 109_896 * M, 422_499 * M,
                6_482 * M, 23_131 * M));
        return quarters;
    }

    /** Alphabet's series with 2025 Q3's capex restated from 23,953M to 24,500M by a 10-Q/A. */
    static List<QuarterMetrics> q3CapexRestated() {
        List<QuarterMetrics> quarters = new ArrayList<>(AlphabetMetrics.quarters());
        QuarterMetrics q = AlphabetMetrics.quarter(LocalDate.parse("2025-09-30"), 48_414 * M, 24_500 * M, 151_424 * M,
                77_872 * M, "0001652044-25-000099");
        quarters.set(6, AlphabetMetrics.withRevenueAndDepreciation(q, 102_346 * M, 385_477 * M, 5_611 * M, 19_301 * M));
        return quarters;
    }
}
