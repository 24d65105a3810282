package io.capexwatch.verdict.board;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * earnings-ingest's capex frames ({@code quarkus.rest-client.ingest.url}, env {@code QUARKUS_REST_CLIENT_INGEST_URL}):
 * EDGAR is read there, within its User-Agent and rate limit, never from here.
 */
@RegisterRestClient(configKey = "ingest")
@Path("/api/frames/capex")
@ClientHeaderParam(name = "X-API-Key", value = "{apiKey}")
public interface IngestFramesClient {

    /** Where earnings-ingest's reads require a token: {@code capexwatch.ingest.api-key} (a reader key); else no header. */
    default String apiKey() {
        return ConfigProvider.getConfig().getOptionalValue("capexwatch.ingest.api-key", String.class)
                .filter(key -> !key.isBlank()).orElse(null);
    }

    /** The JSON as earnings-ingest answers it (passed through unchanged). */
    @GET
    @Path("/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> capex(@PathParam("period") String period);
}
