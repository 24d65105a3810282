package io.capexwatch.verdict.repository;

import io.capexwatch.contracts.messages.MetricsSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest metrics snapshot of a company: what a change of rules evaluates again. */
@Entity
@Table(name = "metrics_input")
public class MetricsInputEntity {
    @Id
    public Long cik;

    @Column(nullable = false)
    public String ticker;

    @Column(nullable = false)
    public long revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public MetricsSnapshot snapshot;
}
