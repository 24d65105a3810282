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
 */
@RegisterForReflection
public record RuleResult(String rule, String title, RuleOutcome outcome, Map<String, Object> inputs,
                         Map<String, BigDecimal> thresholds, String sentence) {
}
