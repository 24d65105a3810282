package io.capexwatch.verdict.rest;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.contracts.security.ApiKeyIdentityProvider;
import io.capexwatch.verdict.cache.VerdictCache;
import io.capexwatch.verdict.rules.RuleSet;
import io.capexwatch.verdict.rules.Thresholds;
import io.capexwatch.verdict.service.RuleBook;
import io.capexwatch.verdict.service.RulesInForce;
import io.capexwatch.verdict.service.RulesService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * The rule thresholds, globally and per company. A change is a new version; every company is evaluated
 * again under it at once and the changed verdicts are pushed to every replica and SSE client. The version
 * is the ETag, and a PUT must send it as If-Match (428 without), so it cannot overwrite a change it has not
 * seen (412).
 */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {
    private final RuleBook ruleBook;
    private final RulesService rules;
    private final VerdictCache cache;
    private final SecurityIdentity identity;

    public RulesResource(RuleBook ruleBook, RulesService rules, VerdictCache cache, SecurityIdentity identity) {
        this.ruleBook = ruleBook;
        this.rules = rules;
        this.cache = cache;
        this.identity = identity;
    }

    /** @param companies per-ticker overrides; a threshold left out or null keeps the default */
    public record RulesUpdate(Thresholds defaults, Map<String, Thresholds> companies) {
    }

    /** The rules in force after a change, and how many companies were evaluated again. */
    public record RulesChanged(RulesInForce rules, int companiesEvaluated) {
    }

    @GET
    public Uni<Response> current() {
        return ruleBook.inForce().map(inForce -> Response.ok(inForce).tag(Long.toString(inForce.version())).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN)
    public Uni<Response> replace(RulesUpdate update, @HeaderParam("If-Match") String ifMatch) {
        if (update == null) {
            throw ProblemException.badRequest("invalid-rules", "a JSON body with defaults and companies is required", List.of());
        }
        return rules.replace(new RuleSet(update.defaults(), update.companies()), IfMatch.version(ifMatch),
                        identity.getPrincipal().getName())
                .call(change -> cache.putAll(change.verdicts()))
                .map(change -> Response.ok(new RulesChanged(change.rules(), change.verdicts().size()))
                        .tag(Long.toString(change.rules().version())).build());
    }
}
