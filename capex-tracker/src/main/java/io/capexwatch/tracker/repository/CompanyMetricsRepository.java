package io.capexwatch.tracker.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CompanyMetricsRepository implements PanacheRepositoryBase<CompanyMetricsEntity, Long> {

    @WithSession
    public Uni<CompanyMetricsEntity> findByTicker(String ticker) {
        return find("upper(ticker)", ticker.toUpperCase()).firstResult();
    }

    @WithSession
    public Uni<List<CompanyMetricsEntity>> listUnpublished() {
        return list("revision > publishedRevision order by cik");
    }

    /** Records that Kafka acknowledged {@code revision}; never moves the marker backwards. */
    @WithSession
    public Uni<Integer> markPublished(long cik, long revision) {
        return update("publishedRevision = ?1 where cik = ?2 and publishedRevision < ?1", revision, cik);
    }
}
