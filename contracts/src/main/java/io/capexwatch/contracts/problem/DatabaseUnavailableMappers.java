package io.capexwatch.contracts.problem;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.net.ConnectException;

/**
 * A database that cannot be reached (stopped, restarting, connection lost) is the server's trouble, not the
 * client's, and it passes: 503 problem+json with Retry-After, never a 500 or a hang. Anything else reaching
 * these mappers is answered as {@link ProblemMappers.UnexpectedExceptionMapper} does.
 */
public final class DatabaseUnavailableMappers {
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailableMappers() {
    }

    /** Whether {@code e} or one of its causes says the connection to a server failed or was lost. */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            // 08: connection exception; 57P: the server is shutting down, restarting or starting up.
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static Response respond(Exception exception, UriInfo uri) {
        if (!isConnectionFailure(exception)) {
            ProblemMappers.UnexpectedExceptionMapper unexpected = new ProblemMappers.UnexpectedExceptionMapper();
            unexpected.uri = uri;
            return unexpected.toResponse(exception);
        }
        LOG.warnf("answering 503, the database is unavailable: %s: %s", exception.getClass().getSimpleName(),
                exception.getMessage());
        Response response = ProblemMappers.respond(Problem.of(503, "database-unavailable", "Service Unavailable",
                "the database is unavailable; retry shortly"), uri);
        response.getHeaders().add("Retry-After", RETRY_AFTER_SECONDS);
        return response;
    }

    @Provider
    public static class ConnectExceptionMapper implements ExceptionMapper<ConnectException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConnectException exception) {
            return respond(exception, uri);
        }
    }

    /** Lost connections and PostgreSQL errors of the reactive client are VertxExceptions. */
    @Provider
    public static class VertxExceptionMapper implements ExceptionMapper<VertxException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(VertxException exception) {
            return respond(exception, uri);
        }
    }
}
