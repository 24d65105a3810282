package io.capexwatch.verdict.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class VerdictRepository implements PanacheRepositoryBase<VerdictEntity, Long> {

    /** @return the company's current verdict, or null */
    @WithSession
    public Uni<VerdictEntity> latestFor(long cik) {
        return find("cik = ?1 order by id desc", cik).firstResult();
    }

    /** The current verdict of every company. */
    @WithSession
    public Uni<List<VerdictEntity>> latestOfEach() {
        return list("id in (select max(v.id) from VerdictEntity v group by v.cik) order by ticker");
    }

    /** Newest first. */
    @WithSession
    public Uni<List<VerdictEntity>> history(String ticker) {
        return list("upper(ticker) = ?1 order by id desc", ticker.toUpperCase());
    }
}
