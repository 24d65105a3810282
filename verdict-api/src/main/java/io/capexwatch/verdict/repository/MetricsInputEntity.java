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

    /** As read from the JSON column: use {@link #snapshotAsSent()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public MetricsSnapshot snapshot;

    /**
     * The snapshot as capex-tracker sent it: the reactive client reads the column's decimals as doubles (0.4950
     * comes back as 0.495), and a verdict evaluated again must carry the same ratios as the first. A copy, so the
     * managed row stays as read and its transaction writes nothing back.
     */
    public MetricsSnapshot snapshotAsSent() {
        return snapshot.withRatioScale();
    }
}
