package io.capexwatch.verdict.rules;

/** A named test of one aspect of capex payback. */
public interface Rule {
    RuleResult evaluate(YearOverYear quarters, Thresholds thresholds);
}
