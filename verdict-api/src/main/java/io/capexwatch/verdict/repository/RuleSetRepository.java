package io.capexwatch.verdict.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RuleSetRepository implements PanacheRepositoryBase<RuleSetEntity, Long> {

    /** @return the rule set in force, or null before the first change */
    @WithSession
    public Uni<RuleSetEntity> current() {
        return find("order by version desc").firstResult();
    }
}
