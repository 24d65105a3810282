package io.capexwatch.ingest.rest;

import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.contracts.security.ApiKeyIdentityProvider;
import io.capexwatch.ingest.messaging.FilingStatusPublisher;
import io.capexwatch.ingest.service.CompanyService;
import io.capexwatch.ingest.service.CompanyView;
import io.capexwatch.ingest.service.WatchlistService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/companies")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyResource {
    static final java.time.Duration ANNOUNCE_WAIT = java.time.Duration.ofSeconds(2);
    private final CompanyService companies;
    private final WatchlistService watchlist;
    private final FilingStatusPublisher filingStatus;

    public CompanyResource(CompanyService companies, WatchlistService watchlist, FilingStatusPublisher filingStatus) {
        this.companies = companies;
        this.watchlist = watchlist;
        this.filingStatus = filingStatus;
    }

    /** The watched companies with their EDGAR status: last filing, last poll, results released. */
    @GET
    public Uni<List<CompanyView>> list() {
        return companies.list();
    }

    /** @param cik a whole number as JSON sends it; 1.5 is refused rather than read as 1 */
    public record NewCompany(String ticker, BigDecimal cik) {
    }

    /**
     * Adds a company to the watchlist (by ticker and SEC CIK); it is polled from the next cycle on. Its status
     * (AWAITING_FIRST_POLL) goes to the filing-status topic once committed, so the board shows it at once. The
     * answer waits at most {@link #ANNOUNCE_WAIT} for Kafka (never on an outage); a send that fails is logged, and
     * the next announcement or poll repeats it.
     */
    @POST
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> add(NewCompany company) {
        if (company == null) {
            throw ProblemException.badRequest("invalid-company", "a body {\"ticker\": ..., \"cik\": ...} is required", List.of());
        }
        long cik = WatchlistService.validate(company.ticker(), company.cik());
        return watchlist.add(company.ticker(), cik)
                .call(added -> filingStatus.publish(added.cik).ifNoItem().after(ANNOUNCE_WAIT).recoverWithItem(() -> null))
                .map(added -> Response.created(URI.create("/api/companies/" + added.ticker + "/fundamentals"))
                        .entity(new NewCompany(added.ticker, BigDecimal.valueOf(added.cik))).build());
    }

    /**
     * Stops watching a company; its stored filings and quarters stay. verdict-api is told (NOT_WATCHED) as a
     * company added is: waiting at most {@link #ANNOUNCE_WAIT}, the next announcement repeating it.
     */
    @DELETE
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN)
    @Path("/{ticker}")
    public Uni<Response> remove(@PathParam("ticker") String ticker) {
        return watchlist.remove(WatchlistService.validTicker(ticker))
                .call(cik -> filingStatus.publish(cik).ifNoItem().after(ANNOUNCE_WAIT).recoverWithItem(() -> null))
                .replaceWith(Response.noContent().build());
    }

    /**
     * The company's discrete quarters, oldest first, each figure with its provenance; with {@code asOf}
     * (YYYY-MM-DD) as they were known that day, from the filings made by then.
     */
    @GET
    @Path("/{ticker}/fundamentals")
    public Uni<List<FiscalQuarterFundamentals>> fundamentals(@PathParam("ticker") String ticker,
                                                             @QueryParam("asOf") String asOf) {
        return companies.fundamentals(WatchlistService.validTicker(ticker), asOf == null ? null : day(asOf))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no company with ticker " + ticker));
    }

    private static LocalDate day(String value) {
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() >= 1 && day.getYear() <= 9999) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-parameter",
                "asOf must be a date as YYYY-MM-DD, not '" + value + "'", List.of());
    }
}
