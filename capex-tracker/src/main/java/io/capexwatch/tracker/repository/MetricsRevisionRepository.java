package io.capexwatch.tracker.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.json.JsonbText;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class MetricsRevisionRepository implements PanacheRepositoryBase<MetricsRevisionEntity, MetricsRevisionEntity.Key> {
    /** The whole series as one JSON text ({@link JsonbText}): 208 KB for Alphabet's 13 quarters, on every import. */
    private static final String INSERT = """
            insert into metrics_revision (cik, revision, fundamentals_revision, computed_at, changed_quarters, series)
            values (:cik, :revision, :fundamentalsRevision, :computedAt, :changedQuarters, cast(cast(:series as text) as jsonb))
            """;

    private final ObjectMapper mapper;

    public MetricsRevisionRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Records one revision of a company's series; a revision is written once (its key is the company's revision). */
    public Uni<Void> insert(MetricsRevisionEntity row) {
        return Uni.createFrom().item(() -> JsonbText.of(mapper, row.series)).chain(series -> getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                .setParameter("cik", row.cik)
                .setParameter("revision", row.revision)
                .setParameter("fundamentalsRevision", row.fundamentalsRevision)
                .setParameter("computedAt", row.computedAt)
                .setParameter("changedQuarters", row.changedQuarters)
                .setParameter("series", series)
                .executeUpdate())).replaceWithVoid();
    }

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
