package io.capexwatch.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<CompanyEntity, Long> {

    @WithSession
    public Uni<CompanyEntity> findByTicker(String ticker) {
        return find("upper(ticker)", ticker.toUpperCase()).firstResult();
    }

    /** The watched companies. */
    @WithSession
    public Uni<List<CompanyEntity>> listByTicker() {
        return list("watched = true order by ticker");
    }

    @WithSession
    public Uni<List<CompanyEntity>> listUnpublished() {
        return list("revision > publishedRevision order by cik");
    }

    /** Records that Kafka acknowledged {@code revision}; never moves the marker backwards. */
    @WithSession
    public Uni<Integer> markPublished(long cik, long revision) {
        return update("publishedRevision = ?1 where cik = ?2 and publishedRevision < ?1", revision, cik);
    }
}
