package io.capexwatch.tracker.repository;

import io.capexwatch.contracts.messages.QuarterMetrics;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One revision of a company's metric series, kept for history. */
@Entity
@Table(name = "metrics_revision")
@IdClass(MetricsRevisionEntity.Key.class)
public class MetricsRevisionEntity {
    @Id
    public Long cik;

    @Id
    public Long revision;

    @Column(name = "fundamentals_revision", nullable = false)
    public long fundamentalsRevision;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Column(name = "changed_quarters", nullable = false)
    public int changedQuarters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Series series;

    /** The JSON column's shape; ratios come back at four decimals (JSON may drop trailing zeros). */
    public record Series(List<QuarterMetrics> quarters) {
        @Override
        public List<QuarterMetrics> quarters() {
            return quarters.stream().map(QuarterMetrics::withRatioScale).toList();
        }
    }

    public record Key(Long cik, Long revision) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
