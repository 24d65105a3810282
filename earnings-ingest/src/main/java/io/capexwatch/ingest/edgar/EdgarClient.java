package io.capexwatch.ingest.edgar;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * GETs from EDGAR within fair access: the configured User-Agent, gzip, conditional requests
 * (If-None-Match / If-Modified-Since), a service-wide rate limit, timeouts, and retries with exponential
 * backoff on 403 ("Request Rate Threshold Exceeded"), 429, 5xx and connection errors. Every failure is
 * logged and counted in {@code capexwatch.edgar.failures}.
 */
@ApplicationScoped
public class EdgarClient {
    private static final Logger LOG = Logger.getLogger(EdgarClient.class);

    private final EdgarConfig config;
    private final MeterRegistry metrics;
    private final RateLimiter limiter;
    private final WebClient client;

    public EdgarClient(EdgarConfig config, MeterRegistry metrics, Vertx vertx) {
        if (config.requestsPerSecond() <= 0 || config.requestsPerSecond() > EdgarConfig.FAIR_ACCESS_MAX_RATE) {
            throw new IllegalArgumentException("capexwatch.edgar.requests-per-second must be above 0 and at most "
                    + EdgarConfig.FAIR_ACCESS_MAX_RATE + " (SEC fair access), not " + config.requestsPerSecond());
        }
        this.config = config;
        this.metrics = metrics;
        this.limiter = new RateLimiter(config.requestsPerSecond());
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setDecompressionSupported(true)
                .setConnectTimeout((int) config.timeout().toMillis())
                .setIdleTimeout((int) config.timeout().toSeconds()));
    }

    /**
     * @param path e.g. /submissions/CIK0001652044.json
     * @param etag the ETag of the copy we have, or null
     */
    public Uni<EdgarResponse> get(String path, String etag, String lastModified) {
        return fetch(config.baseUrl() + path, etag, lastModified, "application/json");
    }

    /**
     * A document of the filing archive ({@link EdgarConfig#archiveUrl()}), e.g.
     * /Archives/edgar/data/1018724/000101872425000123/index.json, within the same rate limit and retries.
     */
    public Uni<EdgarResponse> getArchive(String path, String accept) {
        return fetch(config.archiveUrl() + path, null, null, accept);
    }

    private Uni<EdgarResponse> fetch(String url, String etag, String lastModified, String accept) {
        // Deferred, so that every attempt, retries included, waits for its own slot.
        return Uni.createFrom().deferred(limiter::acquire)
                .chain(() -> request(url, etag, lastModified, accept).send())
                .map(response -> toResponse(url, response))
                .onFailure().invoke(e -> {
                    metrics.counter("capexwatch.edgar.failures", "reason", reason(e)).increment();
                    LOG.warnf("EDGAR GET %s failed: %s", url, e.getMessage());
                })
                .onFailure(EdgarClient::retryable)
                .retry().withBackOff(config.initialBackoff(), config.initialBackoff().multipliedBy(16))
                .atMost(config.maxRetries());
    }

    private HttpRequest<Buffer> request(String url, String etag, String lastModified, String accept) {
        HttpRequest<Buffer> request = client.getAbs(url)
                .timeout(config.timeout().toMillis())
                .putHeader(HttpHeaders.USER_AGENT.toString(), config.userAgent().orElseThrow())
                .putHeader(HttpHeaders.ACCEPT_ENCODING.toString(), "gzip, deflate")
                .putHeader(HttpHeaders.ACCEPT.toString(), accept);
        if (etag != null) {
            request.putHeader(HttpHeaders.IF_NONE_MATCH.toString(), etag);
        }
        if (lastModified != null) {
            request.putHeader(HttpHeaders.IF_MODIFIED_SINCE.toString(), lastModified);
        }
        return request;
    }

    private EdgarResponse toResponse(String url, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        metrics.counter("capexwatch.edgar.requests", "status", Integer.toString(status)).increment();
        if (status == 304) {
            return new EdgarResponse(304, null, response.getHeader("ETag"), response.getHeader("Last-Modified"));
        }
        if (status != 200) {
            throw new EdgarRequestException(url, status);
        }
        Buffer body = response.body();
        return new EdgarResponse(200, body == null ? new byte[0] : body.getBytes(),
                response.getHeader("ETag"), response.getHeader("Last-Modified"));
    }

    private static boolean retryable(Throwable e) {
        return e instanceof EdgarRequestException request ? request.retryable() : !(e instanceof IllegalArgumentException);
    }

    private static String reason(Throwable e) {
        return e instanceof EdgarRequestException request ? "http_" + request.status() : e.getClass().getSimpleName();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
