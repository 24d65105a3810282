package io.capexwatch.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class QuarterValueRepository implements PanacheRepositoryBase<QuarterValueEntity, Long> {

    @WithSession
    public Uni<List<QuarterValueEntity>> listForCompany(long cik) {
        return list("cik = ?1 order by periodEnd, metric", cik);
    }
}
