package io.capexwatch.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * A lease in PostgreSQL so that exactly one replica polls EDGAR: taking it is one conditional UPDATE,
 * which succeeds for the current holder or when the lease has expired.
 */
@ApplicationScoped
public class PollerLeaseRepository implements PanacheRepositoryBase<PollerLeaseEntity, String> {

    /** @return whether {@code holder} holds the lease for the next {@code ttl} */
    @WithTransaction
    public Uni<Boolean> tryAcquire(String name, String holder, Duration ttl) {
        Instant now = Instant.now();
        return update("holder = ?1, expiresAt = ?2 where name = ?3 and (expiresAt < ?4 or holder = ?1)",
                holder, now.plus(ttl), name, now)
                .map(rows -> rows == 1);
    }
}
