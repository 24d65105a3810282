package io.capexwatch.verdict.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random JSON (jqwik's generators: shaped like the real bodies, with numbers no double holds, wrong types,
 * unknown and repeated fields, truncated text) at PUT /api/rules and PUT .../schedule over real HTTP: every
 * answer is below 500, and every 4xx is a problem+json whose status is the answer's.
 */
@QuarkusTest
class JsonEndpointsPropertyTest {
    private static final int TRIES = 150;
    private static final List<String> THRESHOLD_FIELDS = List.of("capexIntensityWatch", "capexIntensitySlipping", "fcfDeclineWatch",
            "cashEngineWatch", "cashEngineSlipping", "monetizationGapWatch", "paybackHurdle", "depreciationGapWatch",
            "commitmentsOverhangWatch", "commitmentsOverhangSlipping");
    private static final Arbitrary<String> NUMBERS = Arbitraries.oneOf(
            Arbitraries.of("0", "-0", "0.6", "0.85", "-0.1", "1", "5", "2026", "4", "1e309", "-1e309", "1E-400", "1e999999999",
                    "123456789012345678901234567890", "0.12345678901234567890", "999999999999999", "1e15", "NaN", "01"),
            Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e20"), new java.math.BigDecimal("1e20")).ofScale(6)
                    .map(java.math.BigDecimal::toPlainString),
            Arbitraries.integers().map(Object::toString));
    private static final Arbitrary<String> STRINGS = Arbitraries.oneOf(
            Arbitraries.of("TTM_CAPEX_TO_OCF", "TTM_FCF", "FCF", "AT_MOST", "ABOVE", "ORCL", "", "\u0000", "%00", "1e309"),
            Arbitraries.strings().ofMaxLength(12)).map(JsonEndpointsPropertyTest::quote);
    private static final Arbitrary<String> LEAVES = Arbitraries.frequencyOf(
            Tuple.of(4, NUMBERS), Tuple.of(2, STRINGS), Tuple.of(1, Arbitraries.of("true", "false", "null")));

    @AfterEach
    void backToTheDefaults() {
        RulesResourceTest.restoreDefaults();
    }

    @Test
    void anyBodyForTheRulesIsTakenOrRefusedWithAProblem() {
        Arbitrary<String> thresholds = object(Arbitraries.oneOf(Arbitraries.of(THRESHOLD_FIELDS), Arbitraries.strings().ofMaxLength(6)),
                Arbitraries.frequencyOf(Tuple.of(5, NUMBERS), Tuple.of(1, value(1))), 11);
        Arbitrary<String> companies = object(Arbitraries.oneOf(Arbitraries.of("ORCL", "orcl", "BRK.B", "not a ticker", "", "%00")),
                Arbitraries.frequencyOf(Tuple.of(4, thresholds), Tuple.of(1, LEAVES)), 3);
        Arbitrary<String> rules = Arbitraries.frequencyOf(
                Tuple.of(6, object(Arbitraries.of("defaults", "companies", "version", "defaults"),
                        Arbitraries.frequencyOf(Tuple.of(3, thresholds), Tuple.of(2, companies), Tuple.of(1, LEAVES)), 3)),
                Tuple.of(2, value(3)));
        for (String body : withMalformed(rules).sampleStream().limit(TRIES).toList()) {
            String etag = given().get("/api/rules").header("ETag");
            check(body, RulesResourceTest.asAdmin().header("If-Match", etag).body(body).put("/api/rules"));
        }
    }

    @Test
    void anyBodyForAScheduleIsTakenOrRefusedWithAProblem() {
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of("metric", "comparison", "target", "fiscalYear", "fiscalQuarter"),
                Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> milestone = object(field, Arbitraries.frequencyOf(Tuple.of(5, LEAVES), Tuple.of(1, value(1))), 6);
        Arbitrary<String> milestones = Arbitraries.frequencyOf(Tuple.of(5, milestone), Tuple.of(1, LEAVES))
                .list().ofMaxSize(22).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> schedule = Arbitraries.frequencyOf(
                Tuple.of(6, object(Arbitraries.of("milestones", "milestones", "ticker"),
                        Arbitraries.frequencyOf(Tuple.of(4, milestones), Tuple.of(1, LEAVES)), 2)),
                Tuple.of(2, value(3)));
        for (String body : withMalformed(schedule).sampleStream().limit(TRIES).toList()) {
            String etag = given().get("/api/companies/PROPS/schedule").header("ETag");
            check(body, ScheduleResourceTest.asAdmin().header("If-Match", etag).body(body).put("/api/companies/PROPS/schedule"));
        }
    }

    private static void check(String body, Response response) {
        int status = response.statusCode();
        assertTrue(status < 500, () -> status + " for " + body + ": " + response.asString());
        if (status >= 400) {
            assertEquals("application/problem+json", response.contentType(), () -> status + " for " + body);
            assertEquals(status, (int) response.path("status"), () -> body + ": " + response.asString());
        } else {
            assertEquals(200, status, body);
        }
    }

    /** Now and then the text cut short, or an object with a field named twice. */
    private static Arbitrary<String> withMalformed(Arbitrary<String> bodies) {
        return Combinators.combine(bodies, Arbitraries.integers().between(0, 9), Arbitraries.doubles().between(0, 1))
                .as((body, how, where) -> switch (how) {
                    case 0 -> body.substring(0, (int) (body.length() * where));
                    case 1 -> body.startsWith("{") && body.length() > 2 ? "{\"milestones\":[],\"defaults\":{}," + body.substring(1) : body;
                    default -> body;
                });
    }

    /** Any JSON value, nested up to {@code depth}. */
    private static Arbitrary<String> value(int depth) {
        if (depth == 0) {
            return LEAVES;
        }
        Arbitrary<String> inner = value(depth - 1);
        return Arbitraries.frequencyOf(Tuple.of(3, LEAVES),
                Tuple.of(1, inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")),
                Tuple.of(1, object(Arbitraries.strings().ofMaxLength(6), inner, 4)));
    }

    private static Arbitrary<String> object(Arbitrary<String> keys, Arbitrary<String> values, int maxFields) {
        return Combinators.combine(keys, values).as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(maxFields)
                .map(members -> "{" + String.join(",", new ArrayList<>(members)) + "}");
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
