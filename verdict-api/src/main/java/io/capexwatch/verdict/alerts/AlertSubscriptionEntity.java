package io.capexwatch.verdict.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A webhook subscription. The secret signs deliveries and never leaves the service. */
@Entity
@Table(name = "alert_subscription")
public class AlertSubscriptionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "target_url", nullable = false)
    public String targetUrl;

    @Column(nullable = false)
    public String secret;

    /** json or slack ({@link AlertFormat}). */
    @Column(nullable = false)
    public String format;

    /** null: every company. */
    public String ticker;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public AlertFilters filters;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Override
    public String toString() {
        return "subscription " + id + " (" + (ticker == null ? "all companies" : ticker) + ", " + format + ")";
    }
}
