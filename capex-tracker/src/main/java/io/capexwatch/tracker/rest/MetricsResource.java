package io.capexwatch.tracker.rest;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.tracker.service.CompanyMetrics;
import io.capexwatch.tracker.service.MetricsService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/companies/{ticker}/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {
    private final MetricsService metrics;

    public MetricsResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    /** Quarter and TTM metrics of every fiscal quarter, oldest first, with the provenance of their inputs. */
    @GET
    public Uni<CompanyMetrics> metrics(@PathParam("ticker") String ticker) {
        return metrics.metrics(ticker)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no metrics for ticker " + ticker));
    }
}
