package io.capexwatch.verdict.rest;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.contracts.security.ApiKeyIdentityProvider;
import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.rules.Milestone;
import io.capexwatch.verdict.service.ScheduleService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * A company's schedule of milestones (analysts'), versioned; the version is the ETag, and a change must send
 * it as If-Match (428 without, 412 when it is not the version in force). A change evaluates
 * the company's verdict again at once, with each milestone judged met, on track, at risk or missed.
 */
@Path("/api/companies/{ticker}/schedule")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {
    private final ScheduleService schedules;
    private final VerdictCache cache;
    private final SecurityIdentity identity;

    public ScheduleResource(ScheduleService schedules, VerdictCache cache, SecurityIdentity identity) {
        this.schedules = schedules;
        this.cache = cache;
        this.identity = identity;
    }

    public record ScheduleUpdate(List<Milestone> milestones) {
    }

    @GET
    public Uni<Response> current(@PathParam("ticker") String ticker) {
        return schedules.current(Tickers.of(ticker)).map(schedule -> Response.ok(schedule).tag(Integer.toString(schedule.version())).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN)
    public Uni<Response> replace(@PathParam("ticker") String ticker, ScheduleUpdate update, @HeaderParam("If-Match") String ifMatch) {
        String company = Tickers.of(ticker);
        if (update == null) {
            throw ProblemException.badRequest("invalid-schedule", "a JSON body with milestones is required", List.of());
        }
        return schedules.replace(company, update.milestones(), IfMatch.version(ifMatch), identity.getPrincipal().getName())
                .call(change -> change.verdict() == null ? Uni.createFrom().voidItem() : cache.putAll(List.of(change.verdict())))
                .map(change -> Response.ok(change.schedule()).tag(Integer.toString(change.schedule().version())).build());
    }
}
