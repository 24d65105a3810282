package io.capexwatch.verdict.cache;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a verdict snapshot has ever been loaded: afterwards verdicts are served from memory even
 * while Redis or PostgreSQL is down (marked stale), so an outage does not take replicas out of service.
 */
@Readiness
@ApplicationScoped
public class VerdictSnapshotHealth implements HealthCheck {
    private final VerdictCache cache;

    public VerdictSnapshotHealth(VerdictCache cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        VerdictSnapshot snapshot = cache.snapshot();
        return HealthCheckResponse.named("verdict snapshot")
                .status(snapshot != null)
                .withData("loaded", snapshot != null)
                .withData("version", snapshot == null ? 0 : snapshot.version())
                .withData("companies", snapshot == null ? 0 : snapshot.byTicker().size())
                .withData("stale", cache.stale())
                .build();
    }
}
