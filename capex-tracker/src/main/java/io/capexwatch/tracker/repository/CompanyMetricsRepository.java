package io.capexwatch.tracker.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class CompanyMetricsRepository implements PanacheRepositoryBase<CompanyMetricsEntity, Long> {

    @WithSession
    public Uni<CompanyMetricsEntity> findByTicker(String ticker) {
        return find("upper(ticker)", ticker.toUpperCase()).firstResult();
    }

    /**
     * Creates the company's row unless it exists, without a unique-constraint failure when another
     * transaction (a redelivery, a second replica during a rebalance) creates it at the same moment: that one
     * waits here until the first commits. Lock the row afterwards to apply a snapshot.
     */
    @WithSession
    public Uni<Void> insertIfAbsent(long cik, String ticker, String entityName, Instant now) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into company_metrics (cik, ticker, entity_name, fundamentals_revision, revision,
                                                     published_revision, updated_at)
                        values (?1, ?2, ?3, 0, 0, 0, ?4) on conflict (cik) do nothing""")
                        .setParameter(1, cik).setParameter(2, ticker).setParameter(3, entityName).setParameter(4, now)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The company's row, locked for update until the transaction ends: one apply at a time per company. */
    @WithSession
    public Uni<CompanyMetricsEntity> lockById(long cik) {
        return findById(cik, LockModeType.PESSIMISTIC_WRITE);
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
