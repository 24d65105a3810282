package io.capexwatch.localinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A local stand-in for data.sec.gov over real HTTP, for tests: serves the documents it is given, gzipped when asked,
 * honours If-None-Match, can answer a path with a queue of error statuses first, and records every request.
 */
public final class EdgarStub implements AutoCloseable {
    public record Request(String path, Map<String, List<String>> headers, long nanos, int status) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> failures = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public EdgarStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void serve(String path, byte[] body) {
        documents.put(path, body);
    }

    /** The next requests for {@code path} get these statuses, then the document. */
    public void failFirst(String path, Integer... statuses) {
        failures.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status = status(exchange, path);
        requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), System.nanoTime(), status));
        if (status != 200) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] body = documents.get(path);
        exchange.getResponseHeaders().add("ETag", etag(body));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        String encoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (encoding != null && encoding.contains("gzip")) {
            body = gzip(body);
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private int status(HttpExchange exchange, String path) {
        Deque<Integer> queued = failures.get(path);
        if (queued != null && !queued.isEmpty()) {
            return queued.poll();
        }
        byte[] body = documents.get(path);
        if (body == null) {
            return 404;
        }
        return etag(body).equals(exchange.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200;
    }

    private static String etag(byte[] body) {
        return "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(body);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
