package io.capexwatch.verdict.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.verdict.repository.MetricsInputEntity;
import io.capexwatch.verdict.repository.MetricsInputRepository;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.capexwatch.verdict.rest.Tickers;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The board's comparisons, from each company's latest metrics (metrics_input) and verdict history, both in
 * PostgreSQL: the peer grid by calendar quarter (JSON or CSV), the group's totals and shares, a company's
 * verdict timeline.
 */
@Path("/api")
public class BoardResource {
    static final String CSV = "text/csv";
    private static final int DEFAULT_GROUP_QUARTERS = 8;

    private final MetricsInputRepository metrics;
    private final WatchedCompanyRepository watched;
    private final VerdictRepository verdicts;
    private final ObjectMapper mapper;

    public BoardResource(MetricsInputRepository metrics, WatchedCompanyRepository watched, VerdictRepository verdicts,
                         ObjectMapper mapper) {
        this.metrics = metrics;
        this.watched = watched;
        this.verdicts = verdicts;
        this.mapper = mapper;
    }

    /**
     * Every company's fiscal quarter that ends in {@code quarter} (default: the newest one any company has),
     * sorted by {@code sort} ({@code order=asc|desc}); CSV with {@code format=csv} or {@code Accept: text/csv}.
     */
    @GET
    @Path("/peers")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Uni<Response> peers(@QueryParam("quarter") String quarter, @QueryParam("sort") String sort,
                               @QueryParam("order") String order, @QueryParam("format") String format,
                               @HeaderParam("Accept") String accept) {
        CalendarQuarter requested = quarter == null || quarter.isBlank() ? null : calendarQuarter(quarter);
        String column = sort == null || sort.isBlank() ? "ticker" : sort;
        if (!PeerGrid.SORTABLE.containsKey(column)) {
            throw ProblemException.badRequest("invalid-sort", "sort by one of " + new java.util.TreeSet<>(PeerGrid.SORTABLE.keySet()), List.of());
        }
        boolean descending = descending(order);
        boolean csv = format != null ? csvFormat(format) : accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        return companies().map(companies -> {
            List<CalendarQuarter> available = PeerGrid.quarters(companies);
            CalendarQuarter shown = requested != null ? requested : available.isEmpty() ? null : available.getFirst();
            List<PeerRow> rows = shown == null ? List.of() : PeerGrid.grid(companies, shown, column, descending);
            if (csv) {
                return Response.ok(PeersCsv.of(rows), CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"peers-" + (shown == null ? "none" : shown) + ".csv\"")
                        .build();
            }
            return Response.ok(new PeersView(shown == null ? null : shown.toString(),
                    available.stream().map(CalendarQuarter::toString).toList(), rows), MediaType.APPLICATION_JSON).build();
        });
    }

    /** The group per calendar quarter, newest first: {@code from}/{@code to} (e.g. 2024Q1), by default the last eight. */
    @GET
    @Path("/group")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<GroupQuarter>> group(@QueryParam("from") String from, @QueryParam("to") String to) {
        CalendarQuarter first = from == null || from.isBlank() ? null : calendarQuarter(from);
        CalendarQuarter last = to == null || to.isBlank() ? null : calendarQuarter(to);
        if (first != null && last != null && first.compareTo(last) > 0) {
            throw ProblemException.badRequest("invalid-range", "from " + first + " is after to " + last, List.of());
        }
        return companies().map(companies -> PeerGrid.quarters(companies).stream()
                .filter(q -> (first == null || q.compareTo(first) >= 0) && (last == null || q.compareTo(last) <= 0))
                .limit(first == null ? DEFAULT_GROUP_QUARTERS : Long.MAX_VALUE)
                .map(q -> PeerGroup.of(companies, q))
                .toList());
    }

    /** The company's verdict state per quarter and each change, oldest first, each with its filing on EDGAR. */
    @GET
    @Path("/companies/{ticker}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<VerdictTimeline> timeline(@PathParam("ticker") String ticker) {
        String normalized = Tickers.of(ticker);
        return verdicts.history(normalized).map(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("no verdict for ticker " + normalized);
            }
            return VerdictTimeline.of(normalized, rows.stream().map(row -> tree(row.body)).toList());
        });
    }

    /** The watched companies' latest metrics: a company removed from the watchlist leaves the grid and the group. */
    private Uni<List<MetricsSnapshot>> companies() {
        return watched.removedCiks().chain(removed -> metrics.byTicker().map(rows -> rows.stream()
                .map(MetricsInputEntity::snapshotAsSent).filter(snapshot -> !removed.contains(snapshot.cik())).toList()));
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CalendarQuarter calendarQuarter(String label) {
        try {
            return CalendarQuarter.parse(label);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-quarter", "'" + shorten(label) + "' is not " + e.getMessage(), List.of());
        }
    }

    private static boolean descending(String order) {
        if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
            return false;
        }
        if (order.equalsIgnoreCase("desc")) {
            return true;
        }
        throw ProblemException.badRequest("invalid-order", "order must be asc or desc, not '" + shorten(order) + "'", List.of());
    }

    private static boolean csvFormat(String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw ProblemException.badRequest("invalid-format", "format must be json or csv, not '" + shorten(format) + "'", List.of());
        };
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }
}
