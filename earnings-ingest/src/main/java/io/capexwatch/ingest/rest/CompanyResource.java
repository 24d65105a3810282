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
import jakarta.ws.rs.core.MediaType;

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

    /** The company's discrete quarters, oldest first, each figure with its provenance. */
    @GET
    @Path("/{ticker}/fundamentals")
    public Uni<List<FiscalQuarterFundamentals>> fundamentals(@PathParam("ticker") String ticker) {
        return companies.fundamentals(ticker)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no company with ticker " + ticker));
    }
}
