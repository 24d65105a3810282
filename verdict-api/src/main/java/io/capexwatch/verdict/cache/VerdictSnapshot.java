package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every current verdict as served, built once per change: one body per ticker, the list of all and the
 * compact summary of all ({@code ?view=summary}). Requests read it from memory and never wait on Redis or
 * PostgreSQL. A company whose verdict and status are the ones the previous snapshot was built from keeps
 * its bodies, so a change costs the changed companies' encoding plus the two lists, not every company's.
 *
 * @param version the Redis version counter it was read at (0 before any verdict)
 * @param sources what each ticker's bodies were made from, to reuse them in the next snapshot
 */
public record VerdictSnapshot(long version, Map<String, CachedJson> byTicker, CachedJson all, CachedJson summary,
                              Map<String, Source> sources) {
    static final VerdictSnapshot EMPTY = new VerdictSnapshot(0, Map.of(), CachedJson.of("[]", Instant.EPOCH),
            CachedJson.of("[]", Instant.EPOCH), Map.of());

    /** A ticker's inputs as stored in Redis and what was made of them. */
    public record Source(String verdict, String status, CachedJson json, byte[] summary) {
        boolean madeFrom(String verdict, String status) {
            return this.verdict.equals(verdict) && Objects.equals(this.status, status);
        }
    }

    /**
     * @param verdicts verdict JSON by ticker, as stored in Redis
     * @param statuses EDGAR status JSON by ticker ({@link FilingStatusView}), merged in as {@code filing}
     * @param previous the snapshot held until now (its unchanged companies' bodies are reused), or null
     */
    static VerdictSnapshot of(long version, Map<String, String> verdicts, Map<String, String> statuses,
                              VerdictSnapshot previous, ObjectMapper mapper) {
        Map<String, CachedJson> byTicker = new TreeMap<>();
        Map<String, Source> sources = new TreeMap<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        all.write('[');
        summary.write('[');
        Instant newest = Instant.EPOCH;
        for (Map.Entry<String, String> entry : new TreeMap<>(verdicts).entrySet()) {
            String ticker = entry.getKey();
            String status = statuses.get(ticker);
            Source held = previous == null ? null : previous.sources().get(ticker);
            Source source = held != null && held.madeFrom(entry.getValue(), status) ? held
                    : source(entry.getValue(), status, mapper);
            sources.put(ticker, source);
            byTicker.put(ticker, source.json());
            if (all.size() > 1) {
                all.write(',');
                summary.write(',');
            }
            all.writeBytes(source.json().body());
            summary.writeBytes(source.summary());
            newest = source.json().lastModified().isAfter(newest) ? source.json().lastModified() : newest;
        }
        all.write(']');
        summary.write(']');
        return new VerdictSnapshot(version, Map.copyOf(byTicker), CachedJson.of(all.toByteArray(), newest),
                CachedJson.of(summary.toByteArray(), newest), Map.copyOf(sources));
    }

    private static Source source(String verdictJson, String statusJson, ObjectMapper mapper) {
        ObjectNode verdict = parse(verdictJson, mapper);
        JsonNode status = statusJson == null ? null : parse(statusJson, mapper);
        verdict.set("filing", status);
        // A status change is a change of the resource: Last-Modified follows whichever came last.
        Instant modified = latest(instant(verdict.path("evaluatedAt")), status == null ? Instant.EPOCH : instant(status.path("since")));
        return new Source(verdictJson, statusJson, CachedJson.of(write(verdict, mapper), modified),
                write(VerdictSummary.of(verdict, mapper), mapper));
    }

    /**
     * Decimals as BigDecimal, so a ratio's digits come back exactly as the service wrote them: trailing zeros
     * too (Jackson's tree strips them by default, and the served 0.495 then differed from the history's 0.4950).
     */
    private static ObjectNode parse(String json, ObjectMapper mapper) {
        try {
            return (ObjectNode) mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode node, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(node);
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
