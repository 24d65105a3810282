package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;

/**
 * The latest quarter and the same fiscal quarter a year earlier, both with complete trailing-twelve-month
 * figures: what every rule compares.
 */
public record YearOverYear(QuarterMetrics latest, QuarterMetrics yearAgo) {
}
