package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Capex metrics of one fiscal quarter, for the quarter and for the trailing twelve months (TTM: this
 * quarter and the three before it, only when all four are present and contiguous). Ratios are
 * {@code null} where they would divide by zero or by a negative operating cash flow; {@code flags} says why.
 *
 * Revenue, depreciation and amortization and debt issued are {@code null} where the company did not
 * report them for the quarter (their TTM where any of the four quarters lacks them).
 *
 * @param latestFiling the most recent filing any input of this quarter was read from
 * @param extended     the rest of the metric set (FCF after leases, margins, growth, funding gap ...); null
 *                     from producers that do not compute it
 * @param companyDefined the company's own capex and FCF (its definitions) and the commitments behind the
 *                     build-out; null from producers that do not compute them
 */
@RegisterForReflection
public record QuarterMetrics(int fiscalYear, int fiscalQuarter, LocalDate periodStart, LocalDate periodEnd,
                             Long ocf, Long capex, Long fcf, BigDecimal capexToOcf,
                             Long ttmOcf, Long ttmCapex, Long ttmFcf, BigDecimal ttmCapexToOcf,
                             Long revenue, Long ttmRevenue, Long depreciationAndAmortization,
                             Long ttmDepreciationAndAmortization, Long debtIssued, Long ttmDebtIssued,
                             Filing latestFiling, Provenance ocfSource, Provenance capexSource,
                             List<String> flags, ExtendedMetrics extended, CompanyDefinedMetrics companyDefined) {
    /** Decimals of every ratio in the metrics messages (capex over OCF, the extended and company-defined ratios). */
    public static final int RATIO_SCALE = 4;

    public QuarterMetrics(int fiscalYear, int fiscalQuarter, LocalDate periodStart, LocalDate periodEnd,
                          Long ocf, Long capex, Long fcf, BigDecimal capexToOcf,
                          Long ttmOcf, Long ttmCapex, Long ttmFcf, BigDecimal ttmCapexToOcf,
                          Long revenue, Long ttmRevenue, Long depreciationAndAmortization,
                          Long ttmDepreciationAndAmortization, Long debtIssued, Long ttmDebtIssued,
                          Filing latestFiling, Provenance ocfSource, Provenance capexSource,
                          List<String> flags, ExtendedMetrics extended) {
        this(fiscalYear, fiscalQuarter, periodStart, periodEnd, ocf, capex, fcf, capexToOcf, ttmOcf, ttmCapex, ttmFcf,
                ttmCapexToOcf, revenue, ttmRevenue, depreciationAndAmortization, ttmDepreciationAndAmortization, debtIssued,
                ttmDebtIssued, latestFiling, ocfSource, capexSource, flags, extended, null);
    }

    /**
     * The same with every ratio at {@link #RATIO_SCALE} decimals. A JSON column read through the reactive
     * PostgreSQL client comes back with its decimals as doubles, so 0.4950 as 0.495; this puts the zeros back.
     */
    public QuarterMetrics withRatioScale() {
        return new QuarterMetrics(fiscalYear, fiscalQuarter, periodStart, periodEnd, ocf, capex, fcf, scaled(capexToOcf), ttmOcf,
                ttmCapex, ttmFcf, scaled(ttmCapexToOcf), revenue, ttmRevenue, depreciationAndAmortization,
                ttmDepreciationAndAmortization, debtIssued, ttmDebtIssued, latestFiling, ocfSource, capexSource, flags,
                extended == null ? null : extended.withRatioScale(RATIO_SCALE),
                companyDefined == null ? null : companyDefined.withRatioScale(RATIO_SCALE));
    }

    private static BigDecimal scaled(BigDecimal ratio) {
        return ratio == null ? null : ratio.setScale(RATIO_SCALE, RoundingMode.UNNECESSARY);
    }

    public QuarterMetrics withExtended(ExtendedMetrics metrics) {
        return new QuarterMetrics(fiscalYear, fiscalQuarter, periodStart, periodEnd, ocf, capex, fcf, capexToOcf, ttmOcf,
                ttmCapex, ttmFcf, ttmCapexToOcf, revenue, ttmRevenue, depreciationAndAmortization,
                ttmDepreciationAndAmortization, debtIssued, ttmDebtIssued, latestFiling, ocfSource, capexSource, flags, metrics,
                companyDefined);
    }

    public QuarterMetrics withCompanyDefined(CompanyDefinedMetrics metrics) {
        return new QuarterMetrics(fiscalYear, fiscalQuarter, periodStart, periodEnd, ocf, capex, fcf, capexToOcf, ttmOcf,
                ttmCapex, ttmFcf, ttmCapexToOcf, revenue, ttmRevenue, depreciationAndAmortization,
                ttmDepreciationAndAmortization, debtIssued, ttmDebtIssued, latestFiling, ocfSource, capexSource, flags, extended,
                metrics);
    }
}
