package io.capexwatch.verdict.rules;

/** The answer to "is the return on capex on schedule?", from best to worst, then "cannot say yet". */
public enum VerdictState {
    ON_SCHEDULE,
    WATCH,
    SLIPPING,
    INSUFFICIENT_DATA
}
