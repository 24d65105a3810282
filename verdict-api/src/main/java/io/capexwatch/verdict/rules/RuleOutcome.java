package io.capexwatch.verdict.rules;

/**
 * What one rule says, ordered from best to worst. NOT_ASSESSED (its inputs are missing) comes first: it
 * never makes a verdict worse, and a dashboard reading {@code outcome} never takes it for good news.
 */
public enum RuleOutcome {
    NOT_ASSESSED,
    OK,
    WATCH,
    SLIPPING;

    public RuleOutcome worst(RuleOutcome other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
