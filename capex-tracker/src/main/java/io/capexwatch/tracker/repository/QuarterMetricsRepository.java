package io.capexwatch.tracker.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class QuarterMetricsRepository implements PanacheRepositoryBase<QuarterMetricsEntity, Long> {

    /** Oldest quarter first. */
    @WithSession
    public Uni<List<QuarterMetricsEntity>> listForCompany(long cik) {
        return list("cik = ?1 order by periodEnd", cik);
    }
}
