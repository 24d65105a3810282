package io.capexwatch.verdict.rest;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Verdicts as stored: JSON written once per evaluation and served as is. */
@Path("/api/verdicts")
@Produces(MediaType.APPLICATION_JSON)
public class VerdictResource {
    private final VerdictCache cache;
    private final VerdictRepository verdicts;

    public VerdictResource(VerdictCache cache, VerdictRepository verdicts) {
        this.cache = cache;
        this.verdicts = verdicts;
    }

    /** The current verdict of every company, by ticker, from Redis. */
    @GET
    public Uni<String> all() {
        return cache.all().map(byTicker -> "[" + String.join(",", byTicker.values()) + "]");
    }

    /** One company's current verdict, from Redis. */
    @GET
    @Path("/{ticker}")
    public Uni<String> one(@PathParam("ticker") String ticker) {
        return cache.get(ticker)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no verdict for ticker " + ticker));
    }

    /** Every evaluation of one company, newest first, from PostgreSQL. */
    @GET
    @Path("/{ticker}/history")
    public Uni<String> history(@PathParam("ticker") String ticker) {
        return verdicts.history(ticker).map(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("no verdict for ticker " + ticker);
            }
            return "[" + String.join(",", rows.stream().map((VerdictEntity v) -> v.body).toList()) + "]";
        });
    }
}
