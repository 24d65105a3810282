package io.capexwatch.verdict.rest;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.verdict.cache.CachedJson;
import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.cache.VerdictEvents;
import io.capexwatch.verdict.cache.VerdictSnapshot;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;

/**
 * Current verdicts from the in-memory snapshot: bodies made once per change (identity and gzip), strong
 * ETags, 304 for If-None-Match / If-Modified-Since, a short Cache-Control max-age. Nothing here waits on
 * Redis or PostgreSQL, so dashboards can poll every few seconds through earnings week. Plain successful
 * reads are answered before they get here by {@link VerdictRoutes} from the same bytes; this resource
 * answers the rest (errors as problem+json, HEAD, reads that need a token) and documents the API.
 */
@Path("/api/verdicts")
@Produces(MediaType.APPLICATION_JSON)
public class VerdictResource {
    static final String STALE_HEADER = "X-Verdicts-Stale";
    /** Events a slow client may fall behind by before it is disconnected. */
    static final int STREAM_BUFFER = 256;

    private final VerdictCache cache;
    private final VerdictEvents events;
    private final VerdictRepository verdicts;
    private final String cacheControl;
    private final Duration heartbeat;

    public VerdictResource(VerdictCache cache, VerdictEvents events, VerdictRepository verdicts,
                           @ConfigProperty(name = "capexwatch.http.max-age", defaultValue = "5") int maxAgeSeconds,
                           @ConfigProperty(name = "capexwatch.stream.heartbeat", defaultValue = "15s") Duration heartbeat) {
        this.cache = cache;
        this.events = events;
        this.verdicts = verdicts;
        this.cacheControl = cacheControl(maxAgeSeconds);
        this.heartbeat = heartbeat;
    }

    static String cacheControl(int maxAgeSeconds) {
        return "public, max-age=" + maxAgeSeconds;
    }

    /**
     * The current verdict of every company, by ticker; with {@code view=summary} one compact line per
     * company (state, key ratios of the evaluated quarter, the filing it rests on, EDGAR status) for boards.
     */
    @GET
    @NonBlocking
    public Response all(@QueryParam("view") String view, @HeaderParam("If-None-Match") String ifNoneMatch,
                        @HeaderParam("If-Modified-Since") String ifModifiedSince,
                        @HeaderParam("Accept-Encoding") String acceptEncoding) {
        VerdictSnapshot snapshot = loaded();
        CachedJson json = switch (view == null ? "full" : view) {
            case "full" -> snapshot.all();
            case "summary" -> snapshot.summary();
            default -> throw ProblemException.badRequest("invalid-view", "view is full (the default) or summary", List.of());
        };
        return respond(json, ifNoneMatch, ifModifiedSince, acceptEncoding);
    }

    /** One company's current verdict. */
    @GET
    @Path("/{ticker}")
    @NonBlocking
    public Response one(@PathParam("ticker") String ticker, @HeaderParam("If-None-Match") String ifNoneMatch,
                        @HeaderParam("If-Modified-Since") String ifModifiedSince,
                        @HeaderParam("Accept-Encoding") String acceptEncoding) {
        CachedJson verdict = loaded().byTicker().get(Tickers.of(ticker));
        if (verdict == null) {
            throw ProblemException.notFound("no verdict for ticker " + ticker);
        }
        return respond(verdict, ifNoneMatch, ifModifiedSince, acceptEncoding);
    }

    /**
     * Live push: a Server-Sent Event per company whose verdict changed (event {@code verdict}, data the
     * verdict JSON, id the change's version; event {@code verdicts} with every verdict when resuming from too
     * far back) and a heartbeat comment. With {@code view=summary} the same events carry the company's
     * summary line instead (event {@code summary}; {@code summaries} with the whole summary), a few hundred
     * bytes each, for a board of hundreds of companies. Send Last-Event-ID to resume without missing a
     * change. Each client has a bounded buffer: one that cannot keep up is disconnected (and resumes)
     * instead of slowing the others.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("view") String view,
                                          @Context Sse sse) {
        boolean summary = switch (view == null ? "full" : view) {
            case "full" -> false;
            case "summary" -> true;
            default -> throw ProblemException.badRequest("invalid-view", "view is full (the default) or summary", List.of());
        };
        Long after = lastEventId == null || !lastEventId.matches("\\d{1,18}") ? null : Long.parseLong(lastEventId);
        Multi<OutboundSseEvent> changes = events.after(after, cache::snapshot)
                .map(event -> sse.newEventBuilder()
                        .id(Long.toString(event.id()))
                        .name(eventName(event, summary))
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(summary ? event.summary() : event.json())
                        .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats)
                .onOverflow().buffer(STREAM_BUFFER);
    }

    private static String eventName(VerdictEvents.VerdictEvent event, boolean summary) {
        if (event.ticker() == null) {
            return summary ? "summaries" : "verdicts";
        }
        return summary ? "summary" : "verdict";
    }

    /** Every evaluation of one company, newest first, from PostgreSQL. */
    @GET
    @Path("/{ticker}/history")
    public Uni<String> history(@PathParam("ticker") String ticker) {
        return verdicts.history(Tickers.of(ticker)).map(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("no verdict for ticker " + ticker);
            }
            return "[" + String.join(",", rows.stream().map((VerdictEntity v) -> v.body).toList()) + "]";
        });
    }

    private VerdictSnapshot loaded() {
        VerdictSnapshot snapshot = cache.snapshot();
        if (snapshot == null) {
            throw new ProblemException(503, "not-loaded", "Verdicts not loaded yet",
                    "the verdict cache has not been read yet; retry shortly");
        }
        return snapshot;
    }

    private Response respond(CachedJson json, String ifNoneMatch, String ifModifiedSince, String acceptEncoding) {
        Response.ResponseBuilder response;
        if (VerdictRoutes.notModified(json, ifNoneMatch, ifModifiedSince)) {
            response = Response.notModified();
        } else if (VerdictRoutes.acceptsGzip(acceptEncoding)) {
            // With Content-Encoding set, the server's compression passes the pre-encoded bytes through.
            response = Response.ok(json.gzipped(), MediaType.APPLICATION_JSON).header("Content-Encoding", "gzip");
        } else {
            response = Response.ok(json.body(), MediaType.APPLICATION_JSON);
        }
        response.header("ETag", json.etag())
                .header("Last-Modified", json.lastModifiedHeader())
                .header("Cache-Control", cacheControl)
                .header("Vary", "Accept-Encoding");
        if (cache.stale()) {
            response.header(STALE_HEADER, "true").header("Warning", "110 - \"Response is Stale\"");
        }
        return response.build();
    }
}
