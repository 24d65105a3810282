package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
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

    /** @param verdicts verdict JSON by ticker, as stored in Redis */
    static VerdictSnapshot of(long version, Map<String, String> verdicts, ObjectMapper mapper) {
        Map<String, CachedJson> byTicker = new TreeMap<>();
        Instant newest = Instant.EPOCH;
        for (Map.Entry<String, String> entry : new TreeMap<>(verdicts).entrySet()) {
            Instant evaluated = evaluatedAt(entry.getValue(), mapper);
            byTicker.put(entry.getKey(), CachedJson.of(entry.getValue(), evaluated));
            newest = evaluated.isAfter(newest) ? evaluated : newest;
        }
        String all = "[" + String.join(",", new TreeMap<>(verdicts).values()) + "]";
        return new VerdictSnapshot(version, Map.copyOf(byTicker), CachedJson.of(all, newest));
    }

    private static Instant evaluatedAt(String json, ObjectMapper mapper) {
        try {
            JsonNode evaluated = mapper.readTree(json).path("evaluatedAt");
            return evaluated.isTextual() ? Instant.parse(evaluated.asText()) : Instant.EPOCH;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
