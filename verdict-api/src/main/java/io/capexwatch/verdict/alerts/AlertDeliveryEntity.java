package io.capexwatch.verdict.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event to one subscription: the body to send (the same on every attempt), where it stands, and its lease. */
@Entity
@Table(name = "alert_delivery")
public class AlertDeliveryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public Long subscriptionId;

    @Column(name = "event_id", nullable = false)
    public Long eventId;

    @Column(name = "event_key", nullable = false)
    public UUID eventKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public Long cik;

    @Column(nullable = false)
    public String ticker;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    /** {@code text} as in the migration: Hibernate Reactive's schema validation matches PostgreSQL text by name only. */
    @Column(nullable = false, columnDefinition = "text")
    public String body;

    /** Attempts since it was queued or last redelivered. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** A sender holds the delivery until then; after it, another may claim it (the sender is presumed dead). */
    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
