package io.capexwatch.verdict.alerts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery in the log (GET .../deliveries).
 *
 * @param eventId  the Idempotency-Key it is sent with
 * @param attempts attempts since it was queued or last redelivered
 * @param log      every attempt, oldest first
 */
@RegisterForReflection
public record DeliveryView(long id, UUID eventId, String eventType, String ticker, DeliveryStatus status, int attempts,
                           Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, List<Attempt> log) {

    /** @param outcome DELIVERED, RETRY, DEAD or LEASE_LOST */
    @RegisterForReflection
    public record Attempt(Instant at, long durationMs, Integer statusCode, String error, String outcome, Instant nextAttemptAt) {
        static Attempt of(AlertAttemptEntity row) {
            return new Attempt(row.attemptedAt, row.durationMs, row.statusCode, row.error, row.outcome, row.nextAttemptAt);
        }
    }

    static DeliveryView of(AlertDeliveryEntity row, List<AlertAttemptEntity> attempts) {
        return new DeliveryView(row.id, row.eventKey, row.eventType, row.ticker, row.status, row.attempts, row.createdAt,
                row.nextAttemptAt, row.deliveredAt, attempts.stream().map(Attempt::of).toList());
    }
}
