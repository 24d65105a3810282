package io.capexwatch.ingest.repository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.hibernate.reactive.panache.Panache;

import java.util.List;

/** The fact_disagreement flags: written once per disagreement (a repeated import adds none). */
@ApplicationScoped
@WithSession
public class FactDisagreementRepository {
    /** Inside the caller's transaction (the import's). */
    public Uni<Void> recordAll(List<FactDisagreement> disagreements) {
        if (disagreements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (FactDisagreement d : disagreements) {
                chain = chain.chain(() -> session.createNativeQuery("""
                                insert into fact_disagreement (cik, concept, dimensions, unit, period_start, period_end,
                                    accession, stored_value, stored_source, incoming_value, incoming_source)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict do nothing""")
                        .setParameter(1, d.cik()).setParameter(2, d.concept()).setParameter(3, d.dimensions())
                        .setParameter(4, d.unit()).setParameter(5, d.start()).setParameter(6, d.end())
                        .setParameter(7, d.accession()).setParameter(8, d.storedValue()).setParameter(9, d.storedSource())
                        .setParameter(10, d.incomingValue()).setParameter(11, d.incomingSource())
                        .executeUpdate());
            }
            return chain.replaceWithVoid();
        });
    }

    /** The flags of one company, oldest first, as {@link FactDisagreement#describe()} writes them. */
    public Uni<List<String>> describeAll(long cik) {
        return Panache.getSession().chain(session -> session.<Object[]>createNativeQuery("""
                        select concept, dimensions, unit, period_start, period_end, accession, stored_value, stored_source,
                               incoming_value, incoming_source from fact_disagreement where cik = ?1 order by id""")
                .setParameter(1, cik)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new FactDisagreement(cik, (String) r[0], (String) r[1], (String) r[2],
                        date(r[3]), date(r[4]), (String) r[5], (java.math.BigDecimal) r[6],
                        (String) r[7], (java.math.BigDecimal) r[8], (String) r[9]).describe()).toList()));
    }

    private static java.time.LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) value;
    }
}
