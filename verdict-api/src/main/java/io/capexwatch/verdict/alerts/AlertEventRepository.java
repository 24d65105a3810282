package io.capexwatch.verdict.alerts;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class AlertEventRepository implements PanacheRepositoryBase<AlertEventEntity, Long> {
}
