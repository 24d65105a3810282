package io.capexwatch.verdict.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One attempt of a delivery, for the delivery log. */
@Entity
@Table(name = "alert_attempt")
public class AlertAttemptEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public Long deliveryId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    /** The receiver's HTTP status; null when there was no answer (refused, timed out). */
    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    /** DELIVERED, RETRY, DEAD, or LEASE_LOST (a sender whose lease had run out: its result changed nothing). */
    @Column(nullable = false)
    public String outcome;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
}
