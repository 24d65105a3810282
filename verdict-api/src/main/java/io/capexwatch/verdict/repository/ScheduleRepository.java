package io.capexwatch.verdict.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<ScheduleEntity, Long> {

    /**
     * Makes changes of one company's schedule take turns until the transaction ends, so each sees the
     * version the one before it committed. Needs a transaction.
     */
    @WithSession
    public Uni<Void> lockForChange(String ticker) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select 1 from pg_advisory_xact_lock(" + TransactionLocks.SCHEDULES + ", hashtext(:ticker))")
                        .setParameter("ticker", ticker.toUpperCase(Locale.ROOT)).getSingleResult())
                .replaceWithVoid();
    }

    /** @return the company's schedule in force, or null if it never had one */
    @WithSession
    public Uni<ScheduleEntity> current(String ticker) {
        return find("ticker = ?1 order by version desc", ticker.toUpperCase(Locale.ROOT)).firstResult();
    }
}
