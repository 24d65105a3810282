package io.capexwatch.verdict.repository;

import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class MetricsInputRepository implements PanacheRepositoryBase<MetricsInputEntity, Long> {

    /** Keeps the snapshot as the company's latest. */
    @WithSession
    public Uni<Void> store(MetricsSnapshot snapshot) {
        return findById(snapshot.cik()).chain(existing -> {
            MetricsInputEntity row = existing != null ? existing : new MetricsInputEntity();
            row.cik = snapshot.cik();
            row.ticker = snapshot.ticker();
            row.revision = snapshot.revision();
            row.snapshot = snapshot;
            return existing != null ? Uni.createFrom().voidItem() : persist(row).replaceWithVoid();
        });
    }

    @WithSession
    public Uni<MetricsInputEntity> findByTicker(String ticker) {
        return find("upper(ticker) = ?1", ticker.toUpperCase()).firstResult();
    }

    @WithSession
    public Uni<List<MetricsInputEntity>> byTicker() {
        return list("order by ticker");
    }
}
