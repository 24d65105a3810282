package io.capexwatch.tracker.repository;

import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.tracker.metrics.MetricsCalculator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
            return quarters.stream().map(Series::withRatioScale).toList();
        }

        private static QuarterMetrics withRatioScale(QuarterMetrics q) {
            return new QuarterMetrics(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), q.periodEnd(), q.ocf(), q.capex(),
                    q.fcf(), scaled(q.capexToOcf()), q.ttmOcf(), q.ttmCapex(), q.ttmFcf(), scaled(q.ttmCapexToOcf()),
                    q.revenue(), q.ttmRevenue(), q.depreciationAndAmortization(), q.ttmDepreciationAndAmortization(),
                    q.debtIssued(), q.ttmDebtIssued(), q.latestFiling(), q.ocfSource(), q.capexSource(), q.flags(),
                    q.extended() == null ? null : q.extended().withRatioScale(MetricsCalculator.RATIO_SCALE),
                    q.companyDefined() == null ? null : q.companyDefined().withRatioScale(MetricsCalculator.RATIO_SCALE));
        }

        private static BigDecimal scaled(BigDecimal ratio) {
            return ratio == null ? null : ratio.setScale(MetricsCalculator.RATIO_SCALE, RoundingMode.UNNECESSARY);
        }
    }

    public record Key(Long cik, Long revision) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
