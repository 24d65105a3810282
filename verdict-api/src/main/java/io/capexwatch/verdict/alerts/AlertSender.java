package io.capexwatch.verdict.alerts;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one delivery: non-blocking (Vert.x web client), redirects not followed (a redirect could lead inside
 * the cluster), the response body discarded unread, a connect timeout and a total timeout. Never fails:
 * every problem becomes a {@link SendOutcome} for the delivery log.
 */
@ApplicationScoped
public class AlertSender {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String EVENT_TYPE = "X-Capexwatch-Event";

    private final AlertsConfig config;
    private final TargetUrls targets;
    private final WebClient client;

    public AlertSender(AlertsConfig config, TargetUrls targets, Vertx vertx) {
        if (config.lease().compareTo(config.timeout()) <= 0) {
            throw new IllegalArgumentException("capexwatch.alerts.lease (" + config.lease()
                    + ") must be longer than capexwatch.alerts.timeout (" + config.timeout() + ")");
        }
        this.config = config;
        this.targets = targets;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setUserAgent("capex-watch-alerts"));
    }

    public Uni<SendOutcome> send(ClaimedDelivery delivery) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        return targets.problems(delivery.targetUrl()).chain(problems -> {
            if (!problems.isEmpty()) {
                return Uni.createFrom().item(outcome(started, t0, null, "target refused: " + String.join("; ", problems)));
            }
            String body = delivery.body();
            return client.postAbs(delivery.targetUrl())
                    .as(BodyCodec.none())
                    .idleTimeout(config.timeout().toMillis())
                    .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                    .putHeader(Signatures.HEADER, Signatures.header(delivery.secret(), Instant.now().getEpochSecond(), body))
                    .putHeader(IDEMPOTENCY_KEY, delivery.eventKey().toString())
                    .putHeader(EVENT_TYPE, delivery.eventType())
                    .sendBuffer(Buffer.buffer(body))
                    .ifNoItem().after(config.timeout())
                    .failWith(() -> new TimeoutException("no response within " + config.timeout().toMillis() + " ms"))
                    .map(response -> outcome(started, t0, response.statusCode(),
                            response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                    .onFailure().recoverWithItem(e -> outcome(started, t0, null, describe(e)));
        });
    }

    private static SendOutcome outcome(Instant started, long t0, Integer status, String error) {
        return new SendOutcome(started, (System.nanoTime() - t0) / 1_000_000, status, error);
    }

    /** "connection failed: ...", "timeout: ..." or the error, for the delivery log. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ConnectException) {
            return "connection failed: " + message;
        }
        if (e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout")) {
            return "timeout: " + message;
        }
        return "error: " + message;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
