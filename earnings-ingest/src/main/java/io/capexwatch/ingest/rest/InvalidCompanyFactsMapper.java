package io.capexwatch.ingest.rest;

import io.capexwatch.contracts.problem.Problem;
import io.capexwatch.ingest.edgar.InvalidCompanyFactsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A document that is not valid companyfacts: 400 problem+json listing what is wrong. */
public class InvalidCompanyFactsMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidCompanyFactsException exception, UriInfo uri) {
        Problem problem = Problem.of(400, "invalid-companyfacts", "Invalid companyfacts document", exception.getMessage())
                .withInstance(uri.getPath())
                .withErrors(exception.errors());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
