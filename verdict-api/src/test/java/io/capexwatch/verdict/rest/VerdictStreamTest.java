package io.capexwatch.verdict.rest;

import io.capexwatch.verdict.SseClient;
import io.capexwatch.verdict.SseClient.Connection;
import io.capexwatch.verdict.SseClient.Event;
import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.rules.VerdictState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URL;
import java.util.List;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live stream over real HTTP: pushed changes, resuming with Last-Event-ID, heartbeats. */
@QuarkusTest
class VerdictStreamTest {
    /** Revisions far above any row id of this test run, growing, as PostgreSQL ids do. */
    private static final AtomicLong REVISIONS = new AtomicLong(1_000_000_000L);

    @TestHTTPResource("/api/verdicts/stream")
    URL stream;

    @Inject
    VerdictCache cache;

    private final SseClient sse = new SseClient();

    @Test
    void changesArePushedAndAReconnectingClientMissesNone() throws Throwable {
        Connection live = sse.connect(stream.toString(), null);
        put("TSTS", "WATCH");
        Event first = live.nextEvent();
        assertEquals("verdict", first.name());
        assertTrue(first.data().contains("\"ticker\":\"TSTS\""), first.data());
        assertTrue(first.data().contains("\"state\":\"WATCH\""), first.data());
        live.close();

        // While the client is away, the verdict flips; reconnecting with the last id brings it at once.
        put("TSTS", "SLIPPING");
        Connection resumed = sse.connect(stream.toString(), first.id());
        Event missed = resumed.nextEvent();
        assertEquals("verdict", missed.name());
        assertTrue(Long.parseLong(missed.id()) > Long.parseLong(first.id()));
        assertTrue(missed.data().contains("\"state\":\"SLIPPING\""), missed.data());
        resumed.close();
    }

    @Test
    void theSummaryStreamCarriesOnlyTheChangedCompanysSummaryLine() throws Throwable {
        Connection live = sse.connect(stream.toString() + "?view=summary", null);
        put("TSTU", "SLIPPING");
        Event event = live.nextEvent();
        assertEquals("summary", event.name());
        JsonNode line = new ObjectMapper().readTree(event.data());
        assertEquals("TSTU", line.get("ticker").asText());
        assertEquals("SLIPPING", line.get("state").asText());
        // exactly the summary's fields, not the full verdict
        assertEquals(List.of("ticker", "entityName", "state", "previousState", "stateSince", "fiscalYear", "fiscalQuarter",
                "periodEnd", "ttmCapexToOcf", "ttmFcf", "capexToOcf", "fcf", "basedOn", "filing", "evaluatedAt"),
                names(line));
        // The next change is of another company: the event names it alone.
        put("TSTV", "WATCH");
        Event next = live.nextEvent();
        assertEquals("TSTV", new ObjectMapper().readTree(next.data()).get("ticker").asText());
        assertTrue(Long.parseLong(next.id()) > Long.parseLong(event.id()));
        live.close();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void idleStreamsGetHeartbeats() throws Exception {
        Connection idle = sse.connect(stream.toString(), null);
        String line = idle.lines().poll(5, TimeUnit.SECONDS);
        assertEquals(":heartbeat", line);
        idle.close();
    }

    private void put(String ticker, String state) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> cache.put(verdict(ticker, state)));
    }

    /** A verdict row as VerdictService stores it, with a revision newer than every one before. */
    public static VerdictEntity verdict(String ticker, String state) {
        VerdictEntity verdict = new VerdictEntity();
        verdict.id = REVISIONS.incrementAndGet();
        verdict.cik = 2L;
        verdict.ticker = ticker;
        verdict.state = VerdictState.valueOf(state);
        verdict.stateSince = Instant.now();
        verdict.evaluatedAt = Instant.now();
        verdict.body = "{\"ticker\":\"" + ticker + "\",\"state\":\"" + state + "\",\"evaluatedAt\":\"" + Instant.now() + "\"}";
        return verdict;
    }
}
