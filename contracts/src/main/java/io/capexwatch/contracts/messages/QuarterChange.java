package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/** One quarter value that changed in a revision (new, or restated by a later filing such as a 10-Q/A). */
@RegisterForReflection
public record QuarterChange(int fiscalYear, int fiscalQuarter, LocalDate periodEnd, FundamentalMetric metric, long value,
                            Filing filing) {
}
