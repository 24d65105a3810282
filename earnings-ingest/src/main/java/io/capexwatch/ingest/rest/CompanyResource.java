package io.capexwatch.ingest.rest;

import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.ingest.service.CompanyService;
import io.capexwatch.ingest.service.CompanyView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/companies")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyResource {
    private final CompanyService companies;

    public CompanyResource(CompanyService companies) {
        this.companies = companies;
    }

    @GET
    public Uni<List<CompanyView>> list() {
        return companies.list();
    }

    /**
     * The company's discrete quarters, oldest first, each figure with its provenance; with {@code asOf}
     * (YYYY-MM-DD) as they were known that day, from the filings made by then.
     */
    @GET
    @Path("/{ticker}/fundamentals")
    public Uni<List<FiscalQuarterFundamentals>> fundamentals(@PathParam("ticker") String ticker,
                                                             @QueryParam("asOf") String asOf) {
        return companies.fundamentals(ticker, asOf == null ? null : day(asOf))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no company with ticker " + ticker));
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter",
                    "asOf must be a date as YYYY-MM-DD, not '" + value + "'", List.of());
        }
    }
}
