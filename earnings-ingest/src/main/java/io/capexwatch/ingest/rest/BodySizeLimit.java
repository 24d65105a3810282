package io.capexwatch.ingest.rest;

import io.capexwatch.contracts.problem.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * The import size limit ({@code capexwatch.import.max-body-size}) as a problem+json 413: refused from the
 * Content-Length before the body is read, or after reading a chunked body that turns out too large. For a
 * compressed body ({@code Content-Encoding: gzip}) the limit applies to the decompressed bytes.
 */
@ApplicationScoped
public class BodySizeLimit {
    private final long limit;

    public BodySizeLimit(@ConfigProperty(name = "capexwatch.import.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseAnnouncedOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (RequestBodies.encoded(request.getHeaderString(HttpHeaders.CONTENT_ENCODING)) || length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= limit) {
            return Optional.empty();
        }
        throw tooLarge(Long.parseLong(length));
    }

    public void check(long bytes) {
        if (bytes > limit) {
            throw tooLarge(bytes);
        }
    }

    public long limit() {
        return limit;
    }

    public ProblemException decompressedTooLarge() {
        return new ProblemException(413, "body-too-large", "Body too large",
                "the body decompresses to more than " + limit + " bytes, the limit");
    }

    private ProblemException tooLarge(long bytes) {
        return new ProblemException(413, "body-too-large", "Body too large",
                "the body has " + bytes + " bytes; the limit is " + limit + " bytes");
    }
}
