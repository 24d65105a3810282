package io.capexwatch.verdict.rest;

import io.capexwatch.contracts.problem.HttpLimits;
import io.capexwatch.verdict.cache.CachedJson;
import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.cache.VerdictSnapshot;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The polling hot path: {@code GET /api/verdicts[?view=summary]} and {@code GET /api/verdicts/{ticker}}
 * answered on the event loop straight from the snapshot's pre-encoded bytes (identity or gzip, chosen by
 * Accept-Encoding) with header values made once per change, ahead of JAX-RS. A 304 writes the same
 * precomputed headers and no body. Whatever is not a plain success is passed on unchanged to
 * {@link VerdictResource}, which answers it as before: no snapshot yet (503), a ticker that is not one
 * (400) or not known (404), an unknown view (400), an Accept it cannot satisfy (406), HEAD, and every
 * read when reads require a token (the route is then not installed, so the key or token is checked).
 */
@ApplicationScoped
public class VerdictRoutes {
    /**
     * After CORS (-300), before Quarkus' authentication (-200), the HTTP limits check, body handling and
     * JAX-RS. Ahead of authentication because a read served here is anonymous (with reads requiring a token
     * the route is not installed), and because Quarkus REST's handler right after authentication builds a
     * request mapper for every request to name the metrics' URI template: 42% of the samples of a polling
     * profile (docs/benchmarks.md). Micrometer still times every request, tagged with this route's path. A
     * request line too long goes on to {@link HttpLimits}, which refuses it once the template is known.
     */
    static final int ROUTE_ORDER = -250;
    static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
    static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    static final CharSequence ACCEPT_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    static final CharSequence TRUE = HttpHeaders.createOptimized("true");
    static final CharSequence STALE = HttpHeaders.createOptimized(VerdictResource.STALE_HEADER);
    static final CharSequence WARNING = HttpHeaders.createOptimized("Warning");
    static final CharSequence STALE_WARNING = HttpHeaders.createOptimized("110 - \"Response is Stale\"");

    private final VerdictCache cache;
    private final HttpLimits limits;
    private final CharSequence cacheControl;
    private final boolean readsRequireToken;

    public VerdictRoutes(VerdictCache cache, HttpLimits limits,
                         @ConfigProperty(name = "capexwatch.http.max-age", defaultValue = "5") int maxAgeSeconds,
                         @ConfigProperty(name = "capexwatch.auth.reads-require-token", defaultValue = "false") boolean readsRequireToken) {
        this.cache = cache;
        this.limits = limits;
        this.cacheControl = HttpHeaders.createOptimized(VerdictResource.cacheControl(maxAgeSeconds));
        this.readsRequireToken = readsRequireToken;
    }

    void routes(@Observes Router router) {
        if (readsRequireToken) {
            return; // every read goes through JAX-RS, where the API key or token is checked
        }
        router.get("/api/verdicts").order(ROUTE_ORDER).handler(this::all);
        router.get("/api/verdicts/:ticker").order(ROUTE_ORDER).handler(this::one);
    }

    private void all(RoutingContext context) {
        VerdictSnapshot snapshot = cache.snapshot();
        String query = context.request().query();
        if (snapshot == null || !acceptsJson(context.request())) {
            context.next();
        } else if (query == null) {
            write(context, snapshot.all());
        } else if (query.equals("view=summary")) {
            write(context, snapshot.summary());
        } else if (query.equals("view=full")) {
            write(context, snapshot.all());
        } else {
            context.next();
        }
    }

    private void one(RoutingContext context) {
        VerdictSnapshot snapshot = cache.snapshot();
        String ticker = context.pathParam("ticker");
        // "stream" is the SSE endpoint's literal path, which JAX-RS prefers over the template.
        CachedJson json = snapshot == null || ticker.equals("stream") ? null : lookUp(snapshot, ticker);
        // A query is ignored, as JAX-RS ignores it, unless it makes the request line too long.
        if (json == null || !acceptsJson(context.request()) || limits.lineTooLong(context.request())) {
            context.next();
        } else {
            write(context, json);
        }
    }

    /** Tickers are stored upper-case; a lower-case one is looked up as JAX-RS would after checking it. */
    private static CachedJson lookUp(VerdictSnapshot snapshot, String ticker) {
        CachedJson json = snapshot.byTicker().get(ticker);
        if (json == null && Tickers.isTicker(ticker)) {
            json = snapshot.byTicker().get(Tickers.of(ticker));
        }
        return json;
    }

    private void write(RoutingContext context, CachedJson json) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        CachedJson.Wire wire = json.wire();
        MultiMap headers = response.headers();
        headers.add(HttpHeaders.ETAG, wire.etag())
                .add(HttpHeaders.LAST_MODIFIED, wire.lastModified())
                .add(HttpHeaders.CACHE_CONTROL, cacheControl)
                .add(HttpHeaders.VARY, ACCEPT_ENCODING);
        if (cache.stale()) {
            headers.add(STALE, TRUE).add(WARNING, STALE_WARNING);
        }
        if (notModified(json, request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE))) {
            response.setStatusCode(304).end();
            return;
        }
        headers.add(HttpHeaders.CONTENT_TYPE, JSON);
        if (acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            // Set Content-Encoding, so the server's own compression passes these bytes through as they are.
            headers.add(HttpHeaders.CONTENT_ENCODING, GZIP).add(HttpHeaders.CONTENT_LENGTH, wire.gzipLength());
            response.end(wire.gzip());
        } else {
            headers.add(HttpHeaders.CONTENT_LENGTH, wire.identityLength());
            response.end(wire.identity());
        }
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.1.3). */
    static boolean notModified(CachedJson json, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            return json.matches(ifNoneMatch);
        }
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince, Instant::from);
            return !json.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 says
        }
    }

    /**
     * Whether Accept-Encoding allows gzip: listed (or "*") without q=0. Allocates nothing for the usual
     * "gzip, deflate, br, zstd".
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean wildcard = false;
        int length = acceptEncoding.length();
        int start = 0;
        while (start < length) {
            int end = acceptEncoding.indexOf(',', start);
            end = end < 0 ? length : end;
            int params = acceptEncoding.indexOf(';', start);
            int nameEnd = params >= 0 && params < end ? params : end;
            int from = skipSpace(acceptEncoding, start, nameEnd);
            int to = nameEnd;
            while (to > from && acceptEncoding.charAt(to - 1) == ' ') {
                to--;
            }
            boolean allowed = nameEnd == end || !zeroQuality(acceptEncoding, nameEnd + 1, end);
            if (to - from == 4 && acceptEncoding.regionMatches(true, from, "gzip", 0, 4)) {
                return allowed;
            }
            if (to - from == 1 && acceptEncoding.charAt(from) == '*') {
                wildcard = allowed;
            }
            start = end + 1;
        }
        return wildcard;
    }

    /** Whether the parameters between from and to hold q=0 (or 0.0, 0.00, 0.000). */
    private static boolean zeroQuality(String header, int from, int to) {
        String params = header.substring(from, to).replace(" ", "");
        int q = params.indexOf("q=");
        return q >= 0 && params.substring(q + 2).split(";", 2)[0].matches("0(\\.0{0,3})?");
    }

    private static int skipSpace(String text, int from, int to) {
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        return from;
    }

    /** JSON is what these paths serve: no Accept, or one that allows application/json. */
    private static boolean acceptsJson(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("*/*") || accept.contains("application/json") || accept.contains("application/*");
    }
}
