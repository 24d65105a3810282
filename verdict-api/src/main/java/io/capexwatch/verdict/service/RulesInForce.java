package io.capexwatch.verdict.service;

import io.capexwatch.verdict.rules.RuleSet;
import io.capexwatch.verdict.rules.Thresholds;

import java.time.Instant;
import java.util.Map;

/**
 * The rule thresholds in force, as {@code GET /api/rules} shows them.
 *
 * @param version   0 for the configured defaults, before any change over the API
 * @param companies per-ticker overrides; a null threshold keeps the default
 */
public record RulesInForce(long version, String changedBy, Instant changedAt, Thresholds defaults,
                           Map<String, Thresholds> companies) {

    static RulesInForce of(long version, RuleSet rules, String changedBy, Instant changedAt) {
        return new RulesInForce(version, changedBy, changedAt, rules.defaults(), rules.companies());
    }

    public RuleSet rules() {
        return new RuleSet(defaults, companies);
    }
}
