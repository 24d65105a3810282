package io.capexwatch.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class FiledFactRepository implements PanacheRepositoryBase<FiledFactEntity, Long> {

    @WithSession
    public Uni<List<FiledFactEntity>> listForCompany(long cik) {
        return list("cik", cik);
    }

    /** Whether facts of this filing are stored. */
    @WithSession
    public Uni<Boolean> hasFiling(long cik, String accession) {
        return count("cik = ?1 and accession = ?2", cik, accession).map(n -> n > 0);
    }

    /** Whether facts of this filing are stored from one of {@code sources} (e.g. the filing's own XBRL). */
    @WithSession
    public Uni<Boolean> hasFilingFrom(long cik, String accession, List<String> sources) {
        return count("cik = ?1 and accession = ?2 and source in ?3", cik, accession, sources).map(n -> n > 0);
    }

    /** The facts that had been filed by the end of {@code day}. */
    @WithSession
    public Uni<List<FiledFactEntity>> listFiledBy(long cik, LocalDate day) {
        return list("cik = ?1 and filed <= ?2", cik, day);
    }
}
