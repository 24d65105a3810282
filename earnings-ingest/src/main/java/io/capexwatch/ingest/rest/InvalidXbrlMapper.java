package io.capexwatch.ingest.rest;

import io.capexwatch.contracts.problem.Problem;
import io.capexwatch.ingest.xbrl.InvalidXbrlException;
import io.capexwatch.ingest.xbrl.UnusableXbrlException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A filing's XBRL the parser rejects (not well-formed, truncated, a DTD or entity, over a limit): 400; a
 * well-formed one that cannot be used: 422. Both problem+json with the parser's reason.
 */
public class InvalidXbrlMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidXbrlException exception, UriInfo uri) {
        Problem problem = exception instanceof UnusableXbrlException unusable
                ? Problem.of(422, "unusable-xbrl", "Unusable XBRL document", exception.getMessage()).withErrors(unusable.errors())
                : Problem.of(400, "invalid-xbrl", "Invalid XBRL document", exception.getMessage());
        problem = problem.withInstance(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
