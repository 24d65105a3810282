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
 * @param assessed   false when an input was missing: the outcome is then NOT_ASSESSED and the verdict
 *                   carries the data-quality flag {@code NOT_ASSESSED:<rule>} (kept for clients that read it)
 * @param basis      which figures the rule used: {@code COMPANY_DEFINED} (the company's own exact measure,
 *                   named in inputs) or {@code STANDARD}; null for rules that have only one basis
 */
@RegisterForReflection
public record RuleResult(String rule, String title, RuleOutcome outcome, Map<String, Object> inputs,
                         Map<String, BigDecimal> thresholds, String sentence, boolean assessed, String basis) {
    public static final String COMPANY_DEFINED = "COMPANY_DEFINED";
    public static final String STANDARD = "STANDARD";

    public RuleResult(String rule, String title, RuleOutcome outcome, Map<String, Object> inputs,
                      Map<String, BigDecimal> thresholds, String sentence) {
        this(rule, title, outcome, inputs, thresholds, sentence, true, null);
    }

    public RuleResult(String rule, String title, RuleOutcome outcome, Map<String, Object> inputs,
                      Map<String, BigDecimal> thresholds, String sentence, boolean assessed) {
        this(rule, title, outcome, inputs, thresholds, sentence, assessed, null);
    }

    public RuleResult(String rule, String title, RuleOutcome outcome, Map<String, Object> inputs,
                      Map<String, BigDecimal> thresholds, String sentence, String basis) {
        this(rule, title, outcome, inputs, thresholds, sentence, true, basis);
    }

    /** A rule whose inputs are missing: it cannot hold the verdict back, and says so. */
    static RuleResult notAssessed(String rule, String title, Map<String, Object> inputs, Map<String, BigDecimal> thresholds,
                                  String why) {
        return new RuleResult(rule, title, RuleOutcome.NOT_ASSESSED, inputs, thresholds, "Not assessed: " + why, false, null);
    }
}
