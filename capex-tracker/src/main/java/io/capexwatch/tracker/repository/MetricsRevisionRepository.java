package io.capexwatch.tracker.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class MetricsRevisionRepository implements PanacheRepositoryBase<MetricsRevisionEntity, MetricsRevisionEntity.Key> {

    /** Newest first. */
    @WithSession
    public Uni<List<MetricsRevisionEntity>> forCompany(long cik) {
        return list("cik = ?1 order by revision desc", cik);
    }

    @WithSession
    public Uni<MetricsRevisionEntity> findRevision(long cik, long revision) {
        return find("cik = ?1 and revision = ?2", cik, revision).firstResult();
    }
}
