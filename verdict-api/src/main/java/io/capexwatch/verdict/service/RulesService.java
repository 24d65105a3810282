package io.capexwatch.verdict.service;

import io.capexwatch.contracts.problem.Problem;
import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.verdict.repository.RuleSetEntity;
import io.capexwatch.verdict.repository.RuleSetRepository;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.rules.RuleSet;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Changes the rules: a new version, and every company evaluated again under it in the same transaction,
 * so the rules and the verdicts resting on them never disagree.
 */
@ApplicationScoped
public class RulesService {
    private static final Logger LOG = Logger.getLogger(RulesService.class);

    private final RuleBook ruleBook;
    private final RuleSetRepository ruleSets;
    private final VerdictService verdicts;

    public RulesService(RuleBook ruleBook, RuleSetRepository ruleSets, VerdictService verdicts) {
        this.ruleBook = ruleBook;
        this.ruleSets = ruleSets;
        this.verdicts = verdicts;
    }

    /** The new rules and the verdicts evaluated under them. */
    public record Change(RulesInForce rules, List<VerdictEntity> verdicts) {
    }

    /**
     * Concurrent changes take turns (a transaction lock), so of two made against the same version exactly one
     * succeeds and the other is told the rules changed meanwhile.
     *
     * @param expectedVersion the version the change was made against (If-Match)
     * @throws ProblemException 422 for thresholds that cannot be used, 412 when the rules changed meanwhile
     */
    @WithTransaction
    public Uni<Change> replace(RuleSet proposed, long expectedVersion, String changedBy) {
        List<String> problems = proposed.problems();
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(Problem.of(422, "invalid-rules", "Invalid rules",
                    "the rules were not changed").withErrors(problems)));
        }
        return ruleSets.lockForChange().chain(ruleBook::inForce).chain(current -> {
            if (expectedVersion != current.version()) {
                return Uni.createFrom().failure(new ProblemException(412, "rules-changed", "Rules changed",
                        "the rules are at version " + current.version() + ", not " + expectedVersion + "; read them again"));
            }
            RuleSetEntity row = new RuleSetEntity();
            row.body = proposed;
            row.changedBy = changedBy;
            row.changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return ruleSets.persistAndFlush(row).chain(() -> {
                RulesInForce next = RulesInForce.of(row.version, proposed, changedBy, row.changedAt);
                return verdicts.reevaluateAll(next).map(evaluated -> {
                    LOG.infof("rules version %d by %s: %d companies evaluated again", row.version, changedBy, evaluated.size());
                    return new Change(next, evaluated);
                });
            });
        });
    }
}
