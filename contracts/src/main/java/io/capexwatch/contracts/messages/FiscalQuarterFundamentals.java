package io.capexwatch.contracts.messages;

import java.time.LocalDate;
import java.util.Map;

/** The discrete (three-month) figures of one fiscal quarter. */
public record FiscalQuarterFundamentals(int fiscalYear, int fiscalQuarter, LocalDate periodStart, LocalDate periodEnd,
                                        Map<FundamentalMetric, QuarterValue> values) {
}
