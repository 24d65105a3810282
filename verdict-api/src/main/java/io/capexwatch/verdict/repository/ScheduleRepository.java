package io.capexwatch.verdict.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<ScheduleEntity, Long> {

    /** @return the company's schedule in force, or null if it never had one */
    @WithSession
    public Uni<ScheduleEntity> current(String ticker) {
        return find("ticker = ?1 order by version desc", ticker.toUpperCase(Locale.ROOT)).firstResult();
    }
}
