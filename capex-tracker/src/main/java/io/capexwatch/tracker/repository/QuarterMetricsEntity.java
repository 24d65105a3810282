package io.capexwatch.tracker.repository;

import io.capexwatch.contracts.messages.ExtendedMetrics;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.Provenance;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.tracker.metrics.MetricsCalculator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The stored metrics of one fiscal quarter. */
@Entity
@Table(name = "quarter_metrics")
public class QuarterMetricsEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Long cik;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "fiscal_quarter", nullable = false)
    public int fiscalQuarter;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    public Long ocf;
    public Long capex;
    public Long fcf;

    @Column(name = "capex_to_ocf", precision = 24, scale = 4)
    public BigDecimal capexToOcf;

    @Column(name = "ttm_ocf")
    public Long ttmOcf;

    @Column(name = "ttm_capex")
    public Long ttmCapex;

    @Column(name = "ttm_fcf")
    public Long ttmFcf;

    @Column(name = "ttm_capex_to_ocf", precision = 24, scale = 4)
    public BigDecimal ttmCapexToOcf;

    public Long revenue;

    @Column(name = "ttm_revenue")
    public Long ttmRevenue;

    @Column(name = "depreciation_amortization")
    public Long depreciationAndAmortization;

    @Column(name = "ttm_depreciation_amortization")
    public Long ttmDepreciationAndAmortization;

    @Column(name = "debt_issued")
    public Long debtIssued;

    @Column(name = "ttm_debt_issued")
    public Long ttmDebtIssued;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Details details;

    /** Provenance, flags and the extended metrics, kept as one JSON object. */
    public record Details(Filing latestFiling, Provenance ocfSource, Provenance capexSource, List<String> flags,
                          ExtendedMetrics extended, io.capexwatch.contracts.messages.CompanyDefinedMetrics companyDefined) {
    }

    public static QuarterMetricsEntity of(long cik, QuarterMetrics m) {
        QuarterMetricsEntity entity = new QuarterMetricsEntity();
        entity.cik = cik;
        entity.periodEnd = m.periodEnd();
        entity.set(m);
        return entity;
    }

    public void set(QuarterMetrics m) {
        fiscalYear = m.fiscalYear();
        fiscalQuarter = m.fiscalQuarter();
        periodStart = m.periodStart();
        ocf = m.ocf();
        capex = m.capex();
        fcf = m.fcf();
        capexToOcf = m.capexToOcf();
        ttmOcf = m.ttmOcf();
        ttmCapex = m.ttmCapex();
        ttmFcf = m.ttmFcf();
        ttmCapexToOcf = m.ttmCapexToOcf();
        revenue = m.revenue();
        ttmRevenue = m.ttmRevenue();
        depreciationAndAmortization = m.depreciationAndAmortization();
        ttmDepreciationAndAmortization = m.ttmDepreciationAndAmortization();
        debtIssued = m.debtIssued();
        ttmDebtIssued = m.ttmDebtIssued();
        details = new Details(m.latestFiling(), m.ocfSource(), m.capexSource(), m.flags(), m.extended(), m.companyDefined());
    }

    public QuarterMetrics toMetrics() {
        return new QuarterMetrics(fiscalYear, fiscalQuarter, periodStart, periodEnd, ocf, capex, fcf, capexToOcf,
                ttmOcf, ttmCapex, ttmFcf, ttmCapexToOcf, revenue, ttmRevenue, depreciationAndAmortization,
                ttmDepreciationAndAmortization, debtIssued, ttmDebtIssued, details.latestFiling(), details.ocfSource(),
                details.capexSource(), details.flags(),
                details.extended() == null ? null : details.extended().withRatioScale(MetricsCalculator.RATIO_SCALE),
                details.companyDefined() == null ? null : details.companyDefined().withRatioScale(MetricsCalculator.RATIO_SCALE));
    }
}
