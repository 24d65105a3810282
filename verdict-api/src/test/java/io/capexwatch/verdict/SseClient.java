package io.capexwatch.verdict;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Server-Sent Events client over real HTTP for the stream tests: connect, then read events one by one. */
public final class SseClient {
    private final HttpClient http = HttpClient.newHttpClient();

    /** One server-sent event: its id, name and data. */
    public record Event(String id, String name, String data) {
    }

    /** @param lastEventId null for a fresh connection */
    public Connection connect(String url, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
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

    public record Connection(BlockingQueue<String> lines, HttpResponse<Stream<String>> response, Thread reader) {
        /** The next event within 10 s, skipping heartbeats. */
        public Event nextEvent() throws InterruptedException {
            List<String> fields = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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

        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}
