package io.capexwatch.tracker.ingest;

import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * earnings-ingest's fundamentals as known on a day ({@code quarkus.rest-client.ingest.url}, env
 * {@code QUARKUS_REST_CLIENT_INGEST_URL}): the as-filed history lives there, so point-in-time metrics are
 * computed from it on request.
 */
@RegisterRestClient(configKey = "ingest")
@Path("/api/companies")
@ClientHeaderParam(name = "X-API-Key", value = "{apiKey}")
public interface IngestClient {

    /** Where earnings-ingest's reads require a token: {@code capexwatch.ingest.api-key} (a reader key); else no header. */
    default String apiKey() {
        return ConfigProvider.getConfig().getOptionalValue("capexwatch.ingest.api-key", String.class)
                .filter(key -> !key.isBlank()).orElse(null);
    }

    @GET
    @Path("/{ticker}/fundamentals")
    Uni<List<FiscalQuarterFundamentals>> fundamentals(@PathParam("ticker") String ticker, @QueryParam("asOf") String asOf);
}
