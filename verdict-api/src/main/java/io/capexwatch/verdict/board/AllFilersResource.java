package io.capexwatch.verdict.board;

import io.capexwatch.contracts.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The group's share of all US filers' capex for a calendar year ({@code CY2024}) or first quarter
 * ({@code CY2025Q1}), from earnings-ingest's SEC frames: the number of filers, the total, the watched
 * companies' facts in the same frames, and when they were fetched. Other quarters cannot be computed from
 * frames (capex is reported year to date) and are a 400, as earnings-ingest explains.
 */
@Path("/api/group/all-filers")
@Produces(MediaType.APPLICATION_JSON)
public class AllFilersResource {
    private static final Pattern PERIOD = Pattern.compile("(?i)CY\\d{4}(Q[1-4])?");

    private final IngestFramesClient ingest;

    public AllFilersResource(@RestClient IngestFramesClient ingest) {
        this.ingest = ingest;
    }

    @GET
    @Path("/{period}")
    public Uni<String> capexShare(@PathParam("period") String period) {
        if (!PERIOD.matcher(period).matches()) {
            throw ProblemException.badRequest("invalid-period", "a calendar year CY2024 or a first quarter CY2025Q1", List.of());
        }
        return ingest.capex(period.toUpperCase(java.util.Locale.ROOT))
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    String detail = ((WebApplicationException) e).getResponse().readEntity(String.class);
                    // earnings-ingest's 400 (a period frames cannot cover) is the client's; the rest (its 401 where reads
                    // need a key this service lacks, EDGAR off, EDGAR down) is ours to report.
                    return status == 400
                            ? new ProblemException(status, "invalid-period", "Period not computable", detailOf(detail))
                            : new ProblemException(502, "frames-unavailable", "SEC frames unavailable",
                                    "earnings-ingest answered " + status + ": " + detailOf(detail));
                })
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> new ProblemException(503, "ingest-unreachable",
                        "earnings-ingest unreachable", "the SEC frames are read by earnings-ingest, which did not answer: " + e.getMessage()));
    }

    /** The detail of earnings-ingest's problem+json, or its body as it is. */
    private static String detailOf(String body) {
        var matcher = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body == null ? "" : body);
        return matcher.find() ? matcher.group(1).replace("\\\"", "\"") : String.valueOf(body);
    }
}
