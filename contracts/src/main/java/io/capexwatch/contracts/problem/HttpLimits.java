package io.capexwatch.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * 413 and 414 as problem+json. Vert.x and Quarkus refuse a too long request line and a too large declared
 * body before JAX-RS sees the request, with an empty body. So the HTTP decoder is given
 * {@value #DECODER_HEADROOM} times the configured {@code quarkus.http.limits.max-initial-line-length}, and
 * this route, ahead of Quarkus' own body limit, refuses a URI over the configured length or a
 * Content-Length over {@code quarkus.http.limits.max-body-size} with a problem body. A request line
 * beyond even the headroom still gets Vert.x's empty 414; a chunked body over the limit Quarkus' empty 413.
 */
@ApplicationScoped
public class HttpLimits implements HttpServerOptionsCustomizer {
    static final int DECODER_HEADROOM = 16;
    /** After Quarkus' access log and CORS handling, before its upload limit (order -2). */
    static final int ROUTE_ORDER = -100;

    private final int maxInitialLine;
    private final Optional<MemorySize> maxBody;
    private final ObjectMapper mapper;

    public HttpLimits(@ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096") int maxInitialLine,
                      @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody,
                      ObjectMapper mapper) {
        this.maxInitialLine = maxInitialLine;
        this.maxBody = maxBody;
        this.mapper = mapper;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), maxInitialLine * DECODER_HEADROOM));
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }

    void route(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    /**
     * Whether the request line is longer than configured: such a request is refused with 414 by this
     * route, so a route ordered ahead of it must pass it on.
     */
    public boolean lineTooLong(HttpServerRequest request) {
        // The request line is "METHOD URI HTTP/1.1": what Vert.x would have measured.
        return request.method().name().length() + request.uri().length() + 10 > maxInitialLine;
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (lineTooLong(context.request())) {
            refuse(context, 414, "the request URI is " + uri.length() + " characters long; at most about " + maxInitialLine + " are accepted");
            return;
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null && maxBody.isPresent() && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBody.get().asLongValue()) {
            refuse(context, 413, "the request body is " + length + " bytes; at most " + maxBody.get().asLongValue() + " are accepted");
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, int status, String detail) {
        Problem problem = Problem.of(status, null, Response.Status.fromStatusCode(status).getReasonPhrase(), detail);
        if (status != 414) { // a URI too long to take is too long to echo
            problem = problem.withInstance(context.request().path());
        }
        // The unread body must not be taken for the next request: the connection ends with this answer.
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(json(problem))
                .onComplete(sent -> context.request().connection().close());
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
