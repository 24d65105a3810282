package io.capexwatch.verdict.alerts;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.contracts.security.ApiKeyIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * Webhook subscriptions and their delivery logs (docs/alerts.md). Admin only, reads included: a target URL
 * can itself be a credential (a Slack webhook URL is).
 */
@Path("/api/alerts/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiKeyIdentityProvider.ADMIN)
public class AlertSubscriptionResource {
    private final AlertSubscriptions subscriptions;
    private final AlertDeliveries deliveries;
    private final SecurityIdentity identity;

    public AlertSubscriptionResource(AlertSubscriptions subscriptions, AlertDeliveries deliveries, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(SubscriptionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("invalid-subscription", "a JSON body with targetUrl, secret and filters is required",
                    List.of());
        }
        return subscriptions.create(request, identity.getPrincipal().getName())
                .map(created -> Response.created(URI.create("/api/alerts/subscriptions/" + created.id())).entity(created).build());
    }

    @GET
    public Uni<List<SubscriptionView>> list() {
        return subscriptions.list();
    }

    @GET
    @Path("{id}")
    public Uni<SubscriptionView> get(@PathParam("id") long id) {
        return subscriptions.get(id);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") long id) {
        return subscriptions.delete(id, identity.getPrincipal().getName()).map(done -> Response.noContent().build());
    }

    /** The newest deliveries (at most 100), each with every attempt. */
    @GET
    @Path("{id}/deliveries")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") long id) {
        return deliveries.log(id);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    public Uni<DeliveryView> redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return deliveries.redeliver(id, deliveryId);
    }
}
