package io.capexwatch.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Every error leaves the services as RFC 9457 problem+json. */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem body = uri == null ? problem : problem.withInstance(uri.getRequestUri().getRawPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException exception) {
            return respond(exception.problem(), uri);
        }
    }

    /** 404s, 405s, 415s and the like raised by the framework itself. */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException exception) {
            Response.StatusType status = exception.getResponse().getStatusInfo();
            if (status.getStatusCode() >= 500) {
                LOG.errorf(exception, "request failed");
            }
            Problem problem = exception.getCause() instanceof JsonProcessingException json ? unreadable(json)
                    : unconvertibleParameter(exception) ? Problem.of(400, "invalid-parameter", "Bad Request",
                            "a path or query parameter is not of its type (e.g. a number)")
                    : Problem.of(status.getStatusCode(), null, status.getReasonPhrase(), exception.getMessage());
            Response response = respond(problem, uri);
            exception.getResponse().getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(value -> response.getHeaders().add(name, value));
                }
            });
            return response;
        }
    }

    /**
     * JAX-RS answers a path or query parameter it cannot convert (?revision=abc for a number) with a 404, as
     * if the resource did not exist; it is the client's parameter that is wrong, so it is a 400.
     */
    static boolean unconvertibleParameter(WebApplicationException exception) {
        return exception instanceof jakarta.ws.rs.NotFoundException && exception.getCause() != null
                && !(exception.getCause() instanceof WebApplicationException);
    }

    /**
     * A body that is JSON but not of the expected shape (a string where a number belongs, a list for an
     * object): Quarkus answers these with an empty 400 of its own unless this mapper takes them. Malformed
     * JSON and duplicate keys reach {@link WebApplicationExceptionMapper} as a 400 caused by the parser.
     */
    @Provider
    public static class UnreadableJsonMapper implements ExceptionMapper<MismatchedInputException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(MismatchedInputException exception) {
            return respond(unreadable(exception), uri);
        }
    }

    /** Any other JSON read error that reaches the mappers unwrapped. */
    @Provider
    public static class JsonProcessingMapper implements ExceptionMapper<JsonProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException exception) {
            return respond(unreadable(exception), uri);
        }
    }

    /** 400 naming where the body went wrong (field path, line and column), without echoing it or naming classes. */
    static Problem unreadable(JsonProcessingException exception) {
        StringBuilder finding = new StringBuilder();
        if (exception instanceof MismatchedInputException mismatch) {
            StringBuilder path = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mismatch.getPath()) {
                path.append(ref.getFieldName() != null ? (path.isEmpty() ? "" : ".") + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            finding.append(path.isEmpty() ? "body" : path).append(": not a valid ")
                    .append(mismatch.getTargetType() == null ? "value" : mismatch.getTargetType().getSimpleName());
        } else {
            finding.append(exception.getOriginalMessage().lines().findFirst().orElse("malformed JSON"));
        }
        if (exception.getLocation() != null && exception.getLocation().getLineNr() > 0) {
            finding.append(" (line ").append(exception.getLocation().getLineNr())
                    .append(", column ").append(exception.getLocation().getColumnNr()).append(")");
        }
        return Problem.of(400, "unreadable-json", "Unreadable JSON", "the request body is not JSON of the expected shape")
                .withErrors(java.util.List.of(finding.toString()));
    }

    /** No or invalid credentials on a request that needs them. */
    @Provider
    public static class UnauthorizedMapper implements ExceptionMapper<io.quarkus.security.UnauthorizedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(io.quarkus.security.UnauthorizedException exception) {
            return unauthorized(uri);
        }
    }

    @Provider
    public static class AuthenticationFailedMapper implements ExceptionMapper<io.quarkus.security.AuthenticationFailedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(io.quarkus.security.AuthenticationFailedException exception) {
            return unauthorized(uri);
        }
    }

    /** Authenticated, but without the admin role. */
    @Provider
    public static class ForbiddenMapper implements ExceptionMapper<io.quarkus.security.ForbiddenException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(io.quarkus.security.ForbiddenException exception) {
            return respond(Problem.of(403, "forbidden", "Forbidden", "this operation needs the admin role"), uri);
        }
    }

    private static Response unauthorized(UriInfo uri) {
        Response response = respond(Problem.of(401, "unauthorized", "Unauthorized",
                "send an admin bearer token (Authorization: Bearer <JWT>) or an API key (X-API-Key)"), uri);
        response.getHeaders().add("WWW-Authenticate", "Bearer");
        return response;
    }

    /** Anything unexpected: a 500 problem with an id to find the log line by, and no internals. */
    @Provider
    public static class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Exception exception) {
            String id = java.util.UUID.randomUUID().toString();
            LOG.errorf(exception, "unexpected error %s", id);
            return respond(Problem.of(500, null, "Internal Server Error", "unexpected error; log id " + id), uri);
        }
    }
}
