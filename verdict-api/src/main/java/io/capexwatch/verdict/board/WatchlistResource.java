package io.capexwatch.verdict.board;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The watched companies with their EDGAR status: the board's tiles, verdict or not (from PostgreSQL). */
@Path("/api/watchlist")
@Produces(MediaType.APPLICATION_JSON)
public class WatchlistResource {
    private final WatchedCompanyRepository companies;

    public WatchlistResource(WatchedCompanyRepository companies) {
        this.companies = companies;
    }

    @GET
    public Uni<List<WatchedCompanyView>> list() {
        return companies.byTicker().map(rows -> rows.stream().map(WatchedCompanyView::of).toList());
    }
}
