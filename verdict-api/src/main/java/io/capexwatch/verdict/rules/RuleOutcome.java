package io.capexwatch.verdict.rules;

/** What one rule says, ordered from best to worst. */
public enum RuleOutcome {
    OK,
    WATCH,
    SLIPPING;

    public RuleOutcome worst(RuleOutcome other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
