package io.capexwatch.ingest.frames;

import io.capexwatch.contracts.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** All US filers' capex for a calendar year or first quarter (SEC frames) and the watched companies' share. */
@Path("/api/frames/capex")
@Produces(MediaType.APPLICATION_JSON)
public class FramesResource {
    private final FramesService frames;

    public FramesResource(FramesService frames) {
        this.frames = frames;
    }

    /** @param period CY2024 (a calendar year) or CY2025Q1 (a first quarter); 400 for any other */
    @GET
    @Path("/{period}")
    public Uni<CapexFrameView> capex(@PathParam("period") String period) {
        FramePeriod parsed;
        try {
            parsed = FramePeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-period", "'" + (period.length() > 20 ? period.substring(0, 20) + "..." : period)
                    + "' cannot be computed from frames: " + e.getMessage(), List.of());
        }
        return frames.capex(parsed);
    }
}
