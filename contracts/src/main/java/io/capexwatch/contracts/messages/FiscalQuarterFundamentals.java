package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.Map;

/** The discrete (three-month) figures of one fiscal quarter. */
@RegisterForReflection
public record FiscalQuarterFundamentals(int fiscalYear, int fiscalQuarter, LocalDate periodStart, LocalDate periodEnd,
                                        Map<FundamentalMetric, QuarterValue> values) {
}
