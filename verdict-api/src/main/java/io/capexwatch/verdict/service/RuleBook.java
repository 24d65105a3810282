package io.capexwatch.verdict.service;

import io.capexwatch.verdict.repository.RuleSetRepository;
import io.capexwatch.verdict.rules.RuleSet;
import io.capexwatch.verdict.rules.RulesConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Which rules are in force: the newest version changed over the API, else the configured defaults. Read
 * from PostgreSQL at every evaluation, so every replica applies a change from the moment it is committed.
 */
@ApplicationScoped
public class RuleBook {
    private final RuleSetRepository ruleSets;
    private final RulesConfig config;

    public RuleBook(RuleSetRepository ruleSets, RulesConfig config) {
        this.ruleSets = ruleSets;
        this.config = config;
    }

    public Uni<RulesInForce> inForce() {
        return ruleSets.current().map(row -> row == null
                ? RulesInForce.of(0, new RuleSet(config.thresholds(), Map.of()), "configuration", null)
                : RulesInForce.of(row.version, row.body, row.changedBy, row.changedAt));
    }
}
