package io.capexwatch.verdict.rest;

import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.rules.VerdictState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live stream over real HTTP: pushed changes, resuming with Last-Event-ID, heartbeats. */
@QuarkusTest
class VerdictStreamTest {
    @TestHTTPResource("/api/verdicts/stream")
    URL stream;

    @Inject
    VerdictCache cache;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One server-sent event: its id, name and data. */
    record Event(String id, String name, String data) {
    }

    @Test
    void changesArePushedAndAReconnectingClientMissesNone() throws Throwable {
        Connection live = connect(null);
        put("TSTS", "WATCH");
        Event first = live.nextEvent();
        assertEquals("verdict", first.name());
        assertTrue(first.data().contains("\"ticker\":\"TSTS\""), first.data());
        assertTrue(first.data().contains("\"state\":\"WATCH\""), first.data());
        live.close();

        // While the client is away, the verdict flips; reconnecting with the last id brings it at once.
        put("TSTS", "SLIPPING");
        Connection resumed = connect(first.id());
        Event missed = resumed.nextEvent();
        assertEquals("verdict", missed.name());
        assertTrue(Long.parseLong(missed.id()) > Long.parseLong(first.id()));
        assertTrue(missed.data().contains("\"state\":\"SLIPPING\""), missed.data());
        resumed.close();
    }

    @Test
    void idleStreamsGetHeartbeats() throws Exception {
        Connection idle = connect(null);
        String line = idle.lines.poll(5, TimeUnit.SECONDS);
        assertEquals(":heartbeat", line);
        idle.close();
    }

    private void put(String ticker, String state) throws Throwable {
        VerdictEntity verdict = new VerdictEntity();
        verdict.cik = 2L;
        verdict.ticker = ticker;
        verdict.state = VerdictState.valueOf(state);
        verdict.stateSince = Instant.now();
        verdict.evaluatedAt = Instant.now();
        verdict.body = "{\"ticker\":\"" + ticker + "\",\"state\":\"" + state + "\",\"evaluatedAt\":\"" + Instant.now() + "\"}";
        VertxContextSupport.subscribeAndAwait(() -> cache.put(verdict));
    }

    private Connection connect(String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream.toString())).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> opened = response.get(10, TimeUnit.SECONDS);
        assertEquals(200, opened.statusCode());
        assertTrue(opened.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual().start(() -> opened.body().forEach(lines::add));
        return new Connection(lines, opened, reader);
    }

    private record Connection(BlockingQueue<String> lines, HttpResponse<Stream<String>> response, Thread reader) {
        /** The next event, skipping heartbeats. */
        Event nextEvent() throws InterruptedException {
            List<String> fields = new ArrayList<>();
            while (true) {
                String line = lines.poll(10, TimeUnit.SECONDS);
                if (line == null) {
                    throw new AssertionError("no event within 10 s; got " + fields);
                }
                if (line.startsWith(":")) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (fields.stream().anyMatch(f -> f.startsWith("data:"))) {
                        return new Event(field(fields, "id"), field(fields, "event"), field(fields, "data"));
                    }
                    fields.clear();
                    continue;
                }
                fields.add(line);
            }
        }

        private static String field(List<String> fields, String name) {
            return fields.stream().filter(f -> f.startsWith(name + ":")).map(f -> f.substring(name.length() + 1).strip())
                    .findFirst().orElse(null);
        }

        void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}
