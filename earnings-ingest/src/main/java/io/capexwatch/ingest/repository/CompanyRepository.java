package io.capexwatch.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<CompanyEntity, Long> {
    /** Advisory lock key for seeding the watchlist ("cwseed"). */
    private static final long SEED_LOCK = 0x63777365656400L;

    /**
     * Holds a transaction-scoped PostgreSQL advisory lock, so replicas starting at once seed the watchlist
     * one after the other instead of inserting the same companies twice; released at commit.
     */
    @WithSession
    public Uni<Void> lockForSeeding() {
        return getSession().chain(session -> session
                        .createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked", Integer.class)
                        .setParameter(1, SEED_LOCK)
                        .getSingleResult())
                .replaceWithVoid();
    }

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
