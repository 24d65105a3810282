package io.capexwatch.verdict.alerts;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class AlertAttemptRepository implements PanacheRepositoryBase<AlertAttemptEntity, Long> {

    /** Oldest first. */
    public Uni<List<AlertAttemptEntity>> ofDeliveries(List<Long> deliveryIds) {
        return deliveryIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("deliveryId in ?1 order by id", deliveryIds);
    }
}
