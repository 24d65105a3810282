package io.capexwatch.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<CompanyEntity, Long> {
    /** Advisory lock key for writes to the watchlist ("cwseed": first taken for seeding it). */
    public static final long WATCHLIST_LOCK = 0x63777365656400L;

    /**
     * Holds a transaction-scoped PostgreSQL advisory lock, so replicas starting at once seed the watchlist
     * one after the other instead of inserting the same companies twice; released at commit.
     */
    @WithSession
    public Uni<Void> lockForSeeding() {
        return lockWatchlist();
    }

    /**
     * The same lock for any write that adds companies, so two requests adding one company at once give one
     * insert and one "already watched" instead of a unique-key violation.
     */
    @WithSession
    public Uni<Void> lockWatchlist() {
        return getSession().chain(session -> session
                        .createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked", Integer.class)
                        .setParameter(1, WATCHLIST_LOCK)
                        .getSingleResult())
                .replaceWithVoid();
    }

    @WithSession
    public Uni<CompanyEntity> findByTicker(String ticker) {
        return find("upper(ticker)", ticker.toUpperCase()).firstResult();
    }

    /**
     * The company with its row locked until the transaction ends ({@code SELECT ... FOR UPDATE}): writers of
     * the revision queue here, so each change gets its own revision and is derived from everything
     * committed before it.
     */
    @WithSession
    public Uni<CompanyEntity> findForUpdate(long cik) {
        return findById(cik, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Like {@link #findForUpdate}, by ticker (any case). */
    @WithSession
    public Uni<CompanyEntity> findByTickerForUpdate(String ticker) {
        return find("upper(ticker)", ticker.toUpperCase()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Writes only the poller's columns given, never the revision or outbox markers. */
    @WithSession
    public Uni<Integer> updatePollState(long cik, PollStateUpdate update) {
        Map<String, Object> params = new HashMap<>(update.fields());
        if (params.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String set = update.fields().keySet().stream().map(field -> field + " = :" + field).collect(Collectors.joining(", "));
        params.put("cik", cik);
        return update(set + " where cik = :cik", params);
    }

    /** Every company, watched or removed from the watchlist. */
    @WithSession
    public Uni<List<CompanyEntity>> listAllByTicker() {
        return list("order by ticker");
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
