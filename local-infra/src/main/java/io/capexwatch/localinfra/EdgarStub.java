package io.capexwatch.localinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A local stand-in for data.sec.gov over real HTTP, for tests: serves the documents it is given (and changed
 * while it runs), gzipped when asked, honours If-None-Match, and records every request. Each path can be
 * scripted with a queue of {@link Behaviour}s that answer its next requests one by one before the document
 * is served again: an error status (with {@code Retry-After}), a slow answer, a body cut off halfway, a 304
 * whatever was asked, or an older document (EDGAR's submissions and companyfacts are updated separately, so
 * one can lag the other).
 */
public final class EdgarStub implements AutoCloseable {
    /** @param behaviour what answered it: "document", or the scripted {@link Behaviour} */
    public record Request(String path, Map<String, List<String>> headers, long nanos, int status, String behaviour) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** How one request to a path is answered instead of with its current document. */
    public sealed interface Behaviour {
    }

    /** An error status without a body; {@code retryAfter} (whole seconds) goes into a Retry-After header. */
    public record Status(int status, Duration retryAfter) implements Behaviour {
    }

    /** The current document, after a delay. */
    public record Slow(Duration delay) implements Behaviour {
    }

    /** The current document's headers with its full Content-Length, then half of the body and a closed connection. */
    public record Truncated() implements Behaviour {
    }

    /** 304 Not Modified, whatever the request's If-None-Match (a stale cache in front of EDGAR). */
    public record NotModified() implements Behaviour {
    }

    /** This older document instead of the current one, with its own ETag (so it also answers 304 to itself). */
    public record Older(byte[] body) implements Behaviour {
        @Override
        public String toString() {
            return "Older[" + body.length + " bytes]";
        }
    }

    public static Behaviour status(int status) {
        return new Status(status, null);
    }

    public static Behaviour tooManyRequests(Duration retryAfter) {
        return new Status(429, retryAfter);
    }

    public static Behaviour slow(Duration delay) {
        return new Slow(delay);
    }

    public static Behaviour truncated() {
        return new Truncated();
    }

    public static Behaviour notModified() {
        return new NotModified();
    }

    public static Behaviour older(byte[] body) {
        return new Older(body);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, Deque<Behaviour>> scripts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public EdgarStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // One thread per request, so that a slow answer holds up no other request.
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on {@code path} serves {@code body} (after any behaviours still queued for it). */
    public void serve(String path, byte[] body) {
        documents.put(path, body);
    }

    /** The next requests for {@code path} get these statuses, then the document; replaces what was queued. */
    public void failFirst(String path, Integer... statuses) {
        Deque<Behaviour> queue = new ConcurrentLinkedDeque<>();
        Arrays.stream(statuses).map(EdgarStub::status).forEach(queue::add);
        scripts.put(path, queue);
    }

    /** Queues behaviours for the next requests for {@code path}, after those already queued. */
    public void script(String path, Behaviour... behaviours) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(behaviours));
    }

    /** Changes the document and queues behaviours for it in one step, so no request sees one without the other. */
    public synchronized void serve(String path, byte[] body, Behaviour... first) {
        script(path, first);
        serve(path, body);
    }

    /** Behaviours still queued for {@code path}. */
    public int queued(String path) {
        Deque<Behaviour> queue = scripts.get(path);
        return queue == null ? 0 : queue.size();
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Behaviour behaviour;
        byte[] body;
        synchronized (this) {
            Deque<Behaviour> queue = scripts.get(path);
            behaviour = queue == null ? null : queue.poll();
            body = behaviour instanceof Older older ? older.body() : documents.get(path);
        }
        String name = behaviour == null ? "document" : behaviour.toString();
        try (exchange) {
            switch (behaviour) {
                case Status s -> {
                    record(exchange, path, s.status(), name);
                    if (s.retryAfter() != null) {
                        exchange.getResponseHeaders().add("Retry-After", Long.toString(s.retryAfter().toSeconds()));
                    }
                    exchange.sendResponseHeaders(s.status(), -1);
                }
                case NotModified n -> {
                    record(exchange, path, 304, name);
                    String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
                    if (etag != null) {
                        exchange.getResponseHeaders().add("ETag", etag);
                    }
                    exchange.sendResponseHeaders(304, -1);
                }
                case Slow slow -> {
                    sleep(slow.delay());
                    send(exchange, path, body, name, false);
                }
                case Truncated t -> send(exchange, path, body, name, true);
                case null, default -> send(exchange, path, body, name, false);
            }
        }
    }

    private void send(HttpExchange exchange, String path, byte[] body, String name, boolean truncate) throws IOException {
        if (body == null) {
            record(exchange, path, 404, name);
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        String etag = etag(body);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            record(exchange, path, 304, name);
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        record(exchange, path, 200, name);
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        String encoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (encoding != null && encoding.contains("gzip")) {
            body = gzip(body);
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        if (truncate) {
            out.write(body, 0, body.length / 2);
            out.flush();
            // Fewer bytes than announced: closing makes the server drop the connection mid-body.
            try {
                out.close();
            } catch (IOException expected) {
                // "insufficient bytes written to stream": the point of this behaviour
            }
            return;
        }
        try (out) {
            out.write(body);
        }
    }

    private void record(HttpExchange exchange, String path, int status, String behaviour) {
        requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), System.nanoTime(), status, behaviour));
    }

    private static String etag(byte[] body) {
        return "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(body);
        }
        return bytes.toByteArray();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
