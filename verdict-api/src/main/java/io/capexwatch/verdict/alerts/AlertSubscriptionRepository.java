package io.capexwatch.verdict.alerts;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

@ApplicationScoped
@WithSession
public class AlertSubscriptionRepository implements PanacheRepositoryBase<AlertSubscriptionEntity, Long> {

    /** The subscriptions for one company: its own and those for every company. */
    public Uni<List<AlertSubscriptionEntity>> forCompany(String ticker) {
        return list("ticker is null or ticker = ?1 order by id", ticker.toUpperCase(Locale.ROOT));
    }

    public Uni<List<AlertSubscriptionEntity>> all() {
        return list("order by id");
    }

    public Uni<List<AlertSubscriptionEntity>> byIds(List<Long> ids) {
        return list("id in ?1", ids);
    }
}
