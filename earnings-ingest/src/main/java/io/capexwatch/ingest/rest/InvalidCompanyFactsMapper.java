package io.capexwatch.ingest.rest;

import io.capexwatch.contracts.problem.Problem;
import io.capexwatch.ingest.edgar.InvalidCompanyFactsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A document that is not valid companyfacts: 400 problem+json listing what is wrong; 422 for a well-formed
 * one with amounts no filing can hold.
 */
public class InvalidCompanyFactsMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidCompanyFactsException exception, UriInfo uri) {
        Problem problem = (exception.status() == 422
                ? Problem.of(422, "implausible-companyfacts", "Implausible companyfacts document", exception.getMessage())
                : Problem.of(400, "invalid-companyfacts", "Invalid companyfacts document", exception.getMessage()))
                .withInstance(uri.getPath())
                .withErrors(exception.errors());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
