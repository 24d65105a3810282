package io.capexwatch.verdict.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.json.JsonbText;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class MetricsInputRepository implements PanacheRepositoryBase<MetricsInputEntity, Long> {

    /**
     * One statement that takes a revision only when it is newer than the one held. The held snapshot is not
     * read: on the filing-to-push path, loading it (and Hibernate's copy of it for dirty checking) parsed the
     * whole series twice per evaluation. The snapshot goes as one JSON text ({@link JsonbText}). Two
     * transactions storing the same revision (two replicas after a rebalance, a redelivery) meet on the row:
     * the second waits for the first to end, then updates nothing unless the first rolled back.
     */
    private static final String UPSERT = """
            insert into metrics_input (cik, ticker, revision, snapshot)
            values (:cik, :ticker, :revision, cast(cast(:snapshot as text) as jsonb))
            on conflict (cik) do update set ticker = excluded.ticker, revision = excluded.revision, snapshot = excluded.snapshot
            where metrics_input.revision < excluded.revision
            """;

    private final ObjectMapper mapper;

    public MetricsInputRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Keeps the snapshot as the company's latest if its revision is newer than the one held. Needs a
     * transaction: until it ends, the row is this transaction's, and whoever stores the company next waits.
     *
     * @return whether it was newer and is now held: only then is it this transaction's to evaluate
     */
    @WithSession
    public Uni<Boolean> store(MetricsSnapshot snapshot) {
        return Uni.createFrom().item(() -> JsonbText.of(mapper, snapshot)).chain(json -> getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("cik", snapshot.cik())
                .setParameter("ticker", snapshot.ticker())
                .setParameter("revision", snapshot.revision())
                .setParameter("snapshot", json)
                .executeUpdate())).map(rows -> rows == 1);
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
