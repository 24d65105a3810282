package io.capexwatch.verdict.alerts;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class AlertDeliveryRepository implements PanacheRepositoryBase<AlertDeliveryEntity, Long> {
    /**
     * Due deliveries not held by a live lease, and only the oldest pending one per subscription and company (so
     * a company's events reach a subscription in order), locked for the claiming transaction; rows another
     * sender is claiming at this moment are skipped rather than waited for.
     */
    private static final String DUE = """
            select d.id from alert_delivery d
             where d.status = 'PENDING' and d.next_attempt_at <= ?1
               and (d.locked_until is null or d.locked_until <= ?1)
               and not exists (select 1 from alert_delivery e
                                where e.subscription_id = d.subscription_id and e.cik = d.cik
                                  and e.status = 'PENDING' and e.event_id < d.event_id)
             order by d.next_attempt_at, d.id
             limit ?2
             for update of d skip locked""";

    /** Needs a transaction: the rows stay locked until it ends. */
    public Uni<List<Long>> lockDue(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery(DUE, Long.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList());
    }

    public Uni<Integer> lease(List<Long> ids, Instant until, UUID token) {
        return update("lockedUntil = ?1, claimToken = ?2 where id in ?3", until, token, ids);
    }

    public Uni<List<AlertDeliveryEntity>> byIds(List<Long> ids) {
        return list("id in ?1 order by id", ids);
    }

    /** Newest first. */
    public Uni<List<AlertDeliveryEntity>> ofSubscription(long subscriptionId, int limit) {
        return find("subscriptionId = ?1 order by id desc", subscriptionId).page(0, limit).list();
    }
}
