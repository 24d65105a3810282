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
import java.util.List;
import java.util.UUID;

/** Something that changed for a company, written in the transaction that changed it; id orders its events. */
@Entity
@Table(name = "alert_event")
public class AlertEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The Idempotency-Key of every delivery of this event. */
    @Column(name = "event_key", nullable = false)
    public UUID eventKey;

    @Column(nullable = false)
    public Long cik;

    @Column(nullable = false)
    public String ticker;

    /** verdict or filing. */
    @Column(nullable = false)
    public String type;

    /** The verdict row that recorded the change; null for a filing-status event. */
    @Column(name = "verdict_id")
    public Long verdictId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Changes changes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The JSON column's shape. */
    public record Changes(List<AlertChange> changes) {
    }
}
