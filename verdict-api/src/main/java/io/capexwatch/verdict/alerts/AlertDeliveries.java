package io.capexwatch.verdict.alerts;

import io.capexwatch.contracts.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The delivery state machine, all of it in PostgreSQL so any replica, or one restarted, carries on where
 * another stopped: claim (a short transaction leasing due rows), then the sender sends outside any
 * transaction, then {@link #record} (its own transaction). A sender that dies mid-send leaves a lease that
 * runs out, and the delivery is claimed again.
 */
@ApplicationScoped
public class AlertDeliveries {
    static final int LOG_LIMIT = 100;
    private static final Logger LOG = Logger.getLogger(AlertDeliveries.class);

    private final AlertDeliveryRepository deliveries;
    private final AlertAttemptRepository attempts;
    private final AlertSubscriptionRepository subscriptions;
    private final AlertsConfig config;

    public AlertDeliveries(AlertDeliveryRepository deliveries, AlertAttemptRepository attempts,
                           AlertSubscriptionRepository subscriptions, AlertsConfig config) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.subscriptions = subscriptions;
        this.config = config;
    }

    /** A delivery and how its attempt went. */
    public record Result(ClaimedDelivery delivery, SendOutcome outcome) {
    }

    /** Leases up to {@code limit} due deliveries to the caller for {@code lease}. */
    @WithTransaction
    public Uni<List<ClaimedDelivery>> claimDue(int limit, Duration lease) {
        Instant now = Instant.now();
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        UUID token = UUID.randomUUID();
        return deliveries.lockDue(now, limit).chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ClaimedDelivery>of())
                : deliveries.lease(ids, until, token)
                        .chain(() -> deliveries.byIds(ids))
                        .chain(rows -> subscriptions.byIds(rows.stream().map(r -> r.subscriptionId).distinct().toList())
                                .map(subs -> claimed(rows, subs, token, until))));
    }

    private static List<ClaimedDelivery> claimed(List<AlertDeliveryEntity> rows, List<AlertSubscriptionEntity> subs,
                                                 UUID token, Instant until) {
        Map<Long, AlertSubscriptionEntity> byId = subs.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        return rows.stream().map(row -> {
            AlertSubscriptionEntity subscription = byId.get(row.subscriptionId);
            return new ClaimedDelivery(row.id, token, until, row.eventKey, row.eventType, row.ticker, subscription.targetUrl,
                    subscription.secret, row.body, row.attempts);
        }).toList();
    }

    /** Records each attempt, and moves each delivery on if the sender still held its lease. */
    @WithTransaction
    public Uni<Void> record(List<Result> results) {
        return Multi.createFrom().iterable(results)
                .onItem().transformToUniAndConcatenate(this::recordOne)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> recordOne(Result result) {
        ClaimedDelivery claimed = result.delivery();
        SendOutcome outcome = result.outcome();
        return deliveries.findById(claimed.id()).chain(row -> {
            if (row == null) {
                return Uni.createFrom().voidItem(); // its subscription was deleted meanwhile
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            AlertAttemptEntity attempt = new AlertAttemptEntity();
            attempt.deliveryId = row.id;
            attempt.attemptedAt = outcome.startedAt().truncatedTo(ChronoUnit.MILLIS);
            attempt.durationMs = outcome.durationMs();
            attempt.statusCode = outcome.statusCode();
            attempt.error = outcome.error() == null ? null : truncate(outcome.error());
            if (row.status != DeliveryStatus.PENDING || !claimed.claimToken().equals(row.claimToken)) {
                // Our lease ran out and another sender claimed it (or it was redelivered): theirs decides.
                attempt.outcome = "LEASE_LOST";
            } else {
                row.attempts++;
                row.claimToken = null;
                row.lockedUntil = null;
                if (outcome.delivered()) {
                    row.status = DeliveryStatus.DELIVERED;
                    row.deliveredAt = now;
                    row.nextAttemptAt = null;
                    attempt.outcome = "DELIVERED";
                } else if (row.attempts >= config.maxAttempts()) {
                    row.status = DeliveryStatus.DEAD;
                    row.nextAttemptAt = null;
                    attempt.outcome = "DEAD";
                    LOG.warnf("alert delivery %d of event %s (%s) is DEAD after %d attempts: %s", row.id, row.eventKey,
                            row.ticker, row.attempts, attempt.error);
                } else {
                    row.nextAttemptAt = now.plus(Backoff.after(row.attempts, config.backoffInitial(), config.backoffMax(),
                            ThreadLocalRandom.current().nextDouble()));
                    attempt.outcome = "RETRY";
                    attempt.nextAttemptAt = row.nextAttemptAt;
                }
            }
            return attempts.persist(attempt).replaceWithVoid();
        });
    }

    private static String truncate(String error) {
        return error.length() <= 500 ? error : error.substring(0, 497) + "...";
    }

    /** The subscription's deliveries, newest first, each with its attempts. */
    @WithSession
    public Uni<List<DeliveryView>> log(long subscriptionId) {
        return subscriptions.findById(subscriptionId).chain(subscription -> {
            if (subscription == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no alert subscription " + subscriptionId));
            }
            return deliveries.ofSubscription(subscriptionId, LOG_LIMIT).chain(rows ->
                    attempts.ofDeliveries(rows.stream().map(r -> r.id).toList()).map(all -> {
                        Map<Long, List<AlertAttemptEntity>> byDelivery = all.stream()
                                .collect(Collectors.groupingBy(a -> a.deliveryId));
                        return rows.stream().map(row -> DeliveryView.of(row, byDelivery.getOrDefault(row.id, List.of()))).toList();
                    }));
        });
    }

    /**
     * Queues a DEAD (or DELIVERED) delivery again, with a fresh budget of attempts and the same event id.
     *
     * @throws ProblemException 404 for no such delivery, 409 while it is still pending
     */
    @WithTransaction
    public Uni<DeliveryView> redeliver(long subscriptionId, long deliveryId) {
        return deliveries.findById(deliveryId).chain(row -> {
            if (row == null || row.subscriptionId != subscriptionId) {
                return Uni.createFrom().failure(ProblemException.notFound(
                        "no delivery " + deliveryId + " of alert subscription " + subscriptionId));
            }
            if (row.status == DeliveryStatus.PENDING) {
                return Uni.createFrom().failure(new ProblemException(409, "delivery-pending", "Delivery pending",
                        "delivery " + deliveryId + " is still being attempted; redeliver it once it is DEAD or DELIVERED"));
            }
            LOG.infof("alert delivery %d of event %s (%s) redelivered, was %s", row.id, row.eventKey, row.ticker, row.status);
            row.status = DeliveryStatus.PENDING;
            row.attempts = 0;
            row.nextAttemptAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            row.deliveredAt = null;
            row.lockedUntil = null;
            row.claimToken = null;
            return attempts.ofDeliveries(List.of(row.id)).map(log -> DeliveryView.of(row, log));
        });
    }
}
