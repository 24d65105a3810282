package io.capexwatch.verdict.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RuleSetRepository implements PanacheRepositoryBase<RuleSetEntity, Long> {

    /**
     * Makes changes of the rules take turns until the transaction ends, so each sees the version the one
     * before it committed. Needs a transaction.
     */
    @WithSession
    public Uni<Void> lockForChange() {
        return getSession().chain(session -> session.createNativeQuery(
                        "select 1 from pg_advisory_xact_lock(" + TransactionLocks.RULES + ", 0)").getSingleResult())
                .replaceWithVoid();
    }

    /** @return the rule set in force, or null before the first change */
    @WithSession
    public Uni<RuleSetEntity> current() {
        return find("order by version desc").firstResult();
    }
}
