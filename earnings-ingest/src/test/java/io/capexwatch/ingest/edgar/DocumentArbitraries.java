package io.capexwatch.ingest.edgar;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** Random input for the companyfacts parser and the JSON endpoints: bytes, token soup, near-valid documents. */
public final class DocumentArbitraries {
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"cik\"", "\"facts\"",
            "\"us-gaap\"", "\"dei\"", "\"units\"", "\"USD\"", "\"EUR\"", "\"PaymentsToAcquirePropertyPlantAndEquipment\"",
            "\"val\"", "\"start\"", "\"end\"", "\"accn\"", "\"form\"", "\"filed\"", "\"fy\"", "\"fp\"", "\"10-Q\"",
            "\"2025-03-31\"", "\"2025-01-01\"", "1652044", "1.5", "1e30", "-0", "-7", "null", "true", "\"\\u0000\"",
            "\"ticker\"", "\"GOOGL\"", "99999999999999999999", "\"x\"");

    private DocumentArbitraries() {
    }

    public static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    /** Sequences of JSON tokens and keys the parser knows: mostly invalid, sometimes valid JSON. */
    public static Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    /** A well-formed companyfacts document for {@code cik} whose fact fields take random, often wrong, values. */
    public static Arbitrary<String> documents(long cik) {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(n -> Long.toString(n)),
                Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1E20"), new java.math.BigDecimal("1E20"))
                        .ofScale(6).map(java.math.BigDecimal::toPlainString),
                Arbitraries.of("1e30", "1.5", "-1e15", "0", "\"12\"", "null", "[]", "{}", "1E+999999"));
        Arbitrary<String> date = Arbitraries.oneOf(
                Arbitraries.integers().between(1799, 3100).map(y -> "\"%04d-%02d-%02d\"".formatted(y, 1 + y % 12, 1 + y % 28)),
                Arbitraries.of("\"2025-13-01\"", "\"yesterday\"", "null", "5", "\"+999999999-12-31\"", "\"2025-02-29\""));
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40).map(DocumentArbitraries::quoted),
                Arbitraries.of("\"10-Q\"", "\"10-K\"", "\"10-Q/A\"", "\"8-K\"", "null", "\"0001652044-25-000091\""));
        Arbitrary<String> fy = Arbitraries.oneOf(Arbitraries.integers().between(1700, 3000).map(Object::toString),
                Arbitraries.of("2025.5", "\"2025\"", "null", "99999999999"));
        Arbitrary<String> fact = Combinators.combine(date, date, value, text, text, date, fy)
                .as((start, end, val, accn, form, filed, year) -> """
                        {"start": %s, "end": %s, "val": %s, "accn": %s, "fy": %s, "fp": "Q1", "form": %s, "filed": %s}"""
                        .formatted(start, end, val, accn, year, form, filed));
        Arbitrary<String> concept = Arbitraries.of("PaymentsToAcquirePropertyPlantAndEquipment",
                "NetCashProvidedByUsedInOperatingActivities", "Revenues", "SomethingUntracked");
        Arbitrary<String> facts = Combinators.combine(concept, Arbitraries.of("USD", "EUR"), fact.list().ofMaxSize(6))
                .as((c, unit, list) -> "\"%s\": {\"units\": {\"%s\": [%s]}}".formatted(c, unit, String.join(", ", list)));
        return facts.list().ofMaxSize(3).map(list -> """
                {"cik": %d, "entityName": "Fuzz Inc.", "facts": {"us-gaap": {%s}}}""".formatted(cik, String.join(", ", list)));
    }

    public static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                json.append("\\u%04x".formatted(c));
            } else {
                json.appendCodePoint(c);
            }
        });
        return json.append('"').toString();
    }
}
