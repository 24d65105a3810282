package io.capexwatch.verdict.rules;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One rule's finding, explainable on its own.
 *
 * @param inputs     the figures the rule read (whole USD or ratios), by name
 * @param thresholds the limits it compared them with, by name
 * @param sentence   one plain sentence saying what was found
 * @param assessed   false when an input was missing: the outcome is then OK by default and the verdict
 *                   carries the data-quality flag {@code NOT_ASSESSED:<rule>}
 */
@RegisterForReflection
public record RuleResult(String rule, String title, RuleOutcome outcome, Map<String, Object> inputs,
                         Map<String, BigDecimal> thresholds, String sentence, boolean assessed) {

    public RuleResult(String rule, String title, RuleOutcome outcome, Map<String, Object> inputs,
                      Map<String, BigDecimal> thresholds, String sentence) {
        this(rule, title, outcome, inputs, thresholds, sentence, true);
    }

    /** A rule whose inputs are missing: it cannot hold the verdict back, and says so. */
    static RuleResult notAssessed(String rule, String title, Map<String, Object> inputs, Map<String, BigDecimal> thresholds,
                                  String why) {
        return new RuleResult(rule, title, RuleOutcome.OK, inputs, thresholds, "Not assessed: " + why, false);
    }
}
