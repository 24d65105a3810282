package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every current verdict as served, built once per change: one body per ticker and the list of all.
 * Requests read it from memory and never wait on Redis or PostgreSQL.
 *
 * @param version the Redis version counter it was read at (0 before any verdict)
 */
public record VerdictSnapshot(long version, Map<String, CachedJson> byTicker, CachedJson all) {
    static final VerdictSnapshot EMPTY = new VerdictSnapshot(0, Map.of(), CachedJson.of("[]", Instant.EPOCH));

    /**
     * @param verdicts verdict JSON by ticker, as stored in Redis
     * @param statuses EDGAR status JSON by ticker ({@link FilingStatusView}), merged in as {@code filing}
     */
    static VerdictSnapshot of(long version, Map<String, String> verdicts, Map<String, String> statuses, ObjectMapper mapper) {
        Map<String, CachedJson> byTicker = new TreeMap<>();
        List<String> bodies = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        for (Map.Entry<String, String> entry : new TreeMap<>(verdicts).entrySet()) {
            ObjectNode verdict = parse(entry.getValue(), mapper);
            JsonNode status = statuses.containsKey(entry.getKey()) ? parse(statuses.get(entry.getKey()), mapper) : null;
            verdict.set("filing", status);
            // A status change is a change of the resource: Last-Modified follows whichever came last.
            Instant modified = latest(instant(verdict.path("evaluatedAt")), status == null ? Instant.EPOCH : instant(status.path("since")));
            String body = write(verdict, mapper);
            byTicker.put(entry.getKey(), CachedJson.of(body, modified));
            bodies.add(body);
            newest = modified.isAfter(newest) ? modified : newest;
        }
        return new VerdictSnapshot(version, Map.copyOf(byTicker), CachedJson.of("[" + String.join(",", bodies) + "]", newest));
    }

    /** Decimals as BigDecimal, so a ratio's digits come back exactly as the service wrote them. */
    private static ObjectNode parse(String json, ObjectMapper mapper) {
        try {
            return (ObjectNode) mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : Instant.EPOCH;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
