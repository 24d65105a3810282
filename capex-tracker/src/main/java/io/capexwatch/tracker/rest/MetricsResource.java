package io.capexwatch.tracker.rest;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.tracker.service.CompanyMetrics;
import io.capexwatch.tracker.service.MetricsService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/companies/{ticker}/metrics")
public class MetricsResource {
    static final String CSV = "text/csv";

    private final MetricsService metrics;

    public MetricsResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    /**
     * Quarter and TTM metrics of every fiscal quarter, oldest first, with the provenance of their inputs;
     * {@code from}/{@code to} keep the quarters ending in that range (inclusive); {@code asOf} gives the
     * series as known on that day (computed from earnings-ingest's point-in-time fundamentals). As CSV with
     * {@code ?format=csv} or {@code Accept: text/csv}.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Uni<Response> metrics(@PathParam("ticker") String ticker, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("asOf") String asOf,
                                 @QueryParam("revision") String revisionParam,
                                 @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        LocalDate asOfDate = date("asOf", asOf);
        Long revision = revision(revisionParam);
        if (asOfDate != null && revision != null) {
            throw ProblemException.badRequest("invalid-query", "ask for asOf or for revision, not both", List.of());
        }
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw ProblemException.badRequest("invalid-range", "from (" + from + ") is after to (" + to + ")", List.of());
        }
        boolean csv = format != null ? csvFormat(format) : accept != null && accept.contains(CSV);
        Uni<CompanyMetrics> found = revision != null ? metrics.metricsAtRevision(ticker, revision)
                : asOfDate == null ? metrics.metrics(ticker) : metrics.metricsAsOf(ticker, asOfDate)
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> notFound(e)
                        ? ProblemException.notFound("earnings-ingest has no fundamentals for ticker " + ticker)
                        : new ProblemException(503, "ingest-unavailable", "Point-in-time fundamentals unavailable",
                        "earnings-ingest did not answer for fundamentals as of " + asOfDate + ": " + e.getMessage()));
        return found
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no metrics for ticker " + ticker
                        + (revision == null ? "" : " at revision " + revision)))
                .map(all -> within(all, fromDate, toDate))
                .map(series -> csv
                        ? Response.ok(MetricsCsv.of(series), CSV + "; charset=utf-8")
                                .header("Content-Disposition", "attachment; filename=\"" + series.ticker() + "-metrics.csv\"").build()
                        : Response.ok(series, MediaType.APPLICATION_JSON).build());
    }

    /** The company's metrics history: every revision of its series, newest first (fetch one with ?revision=). */
    @GET
    @Path("/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<MetricsService.Revision>> revisions(@PathParam("ticker") String ticker) {
        return metrics.revisions(ticker)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no metrics for ticker " + ticker));
    }

    private static boolean notFound(Throwable e) {
        return e instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }

    private static CompanyMetrics within(CompanyMetrics all, LocalDate from, LocalDate to) {
        return new CompanyMetrics(all.ticker(), all.cik(), all.entityName(), all.revision(), all.asOf(), all.quarters().stream()
                .filter(q -> (from == null || !q.periodEnd().isBefore(from)) && (to == null || !q.periodEnd().isAfter(to)))
                .toList());
    }

    private static boolean csvFormat(String format) {
        return switch (format.toLowerCase()) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw ProblemException.badRequest("invalid-format", "format must be json or csv, not '" + format + "'", List.of());
        };
    }

    /** A revision is a positive whole number; anything else is the client's mistake, not an unknown revision. */
    private static Long revision(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long revision = Long.parseLong(value.strip());
            if (revision > 0) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-revision", "revision must be a positive whole number, not '" + value + "'", List.of());
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", name + " must be a date as YYYY-MM-DD, not '" + value + "'", List.of());
        }
    }
}
