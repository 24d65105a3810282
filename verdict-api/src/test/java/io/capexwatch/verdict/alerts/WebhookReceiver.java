package io.capexwatch.verdict.alerts;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP webhook receiver on a loopback port (the JDK's HttpServer), that can be down, answer 500, or
 * answer too slowly, request by request from a script, else as its fallback says.
 */
final class WebhookReceiver implements AutoCloseable {
    enum Answer { OK, FAIL_500, SLOW }

    /** @param status what it answered; @param late answered after the sender's timeout (SLOW) */
    record Receipt(Instant at, String idempotencyKey, String signature, String eventType, String body, int status, boolean late) {
    }

    static final Duration SLOW_BY = Duration.ofMillis(2500);

    private final int port;
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer fallback = Answer.OK;
    private HttpServer server;
    private ExecutorService threads;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver that is down (nothing listens on its port) until {@link #start()}. */
    static WebhookReceiver down() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new WebhookReceiver(probe.getLocalPort());
        }
    }

    static WebhookReceiver up() throws IOException {
        WebhookReceiver receiver = down();
        receiver.start();
        return receiver;
    }

    synchronized void start() throws IOException {
        threads = Executors.newFixedThreadPool(4);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.setExecutor(threads);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Answer answer = script.poll();
            answer = answer == null ? fallback : answer;
            int status = answer == Answer.FAIL_500 ? 500 : 200;
            receipts.add(new Receipt(Instant.now(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Capexwatch-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Capexwatch-Event"), body, status, answer == Answer.SLOW));
            if (answer == Answer.SLOW) {
                try {
                    Thread.sleep(SLOW_BY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException gone) {
                // the sender gave up waiting: that is the point of SLOW
            }
            exchange.close();
        });
        server.start();
    }

    /** The next requests are answered so, in order; then the fallback applies. */
    void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    void fallback(Answer answer) {
        this.fallback = answer;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    List<Receipt> receipts() {
        return new ArrayList<>(receipts);
    }

    /** What a receiver that dedupes by Idempotency-Key acted on: the first prompt 2xx of each key, in order. */
    List<Receipt> accepted() {
        List<String> seen = new ArrayList<>();
        List<Receipt> accepted = new ArrayList<>();
        for (Receipt receipt : receipts) {
            if (receipt.status() == 200 && !receipt.late() && !seen.contains(receipt.idempotencyKey())) {
                seen.add(receipt.idempotencyKey());
                accepted.add(receipt);
            }
        }
        return accepted;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
