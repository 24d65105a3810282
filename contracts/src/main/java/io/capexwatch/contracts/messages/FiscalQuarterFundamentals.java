package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The discrete (three-month) figures of one fiscal quarter.
 *
 * @param companyMeasures the company's own measures (its definitions file) for the quarter; null from
 *                        producers that do not compute them, empty where the company has none
 */
@RegisterForReflection
public record FiscalQuarterFundamentals(int fiscalYear, int fiscalQuarter, LocalDate periodStart, LocalDate periodEnd,
                                        Map<FundamentalMetric, QuarterValue> values, List<CompanyMeasure> companyMeasures) {

    public FiscalQuarterFundamentals(int fiscalYear, int fiscalQuarter, LocalDate periodStart, LocalDate periodEnd,
                                     Map<FundamentalMetric, QuarterValue> values) {
        this(fiscalYear, fiscalQuarter, periodStart, periodEnd, values, null);
    }
}
