package io.capexwatch.verdict.service;

import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.verdict.rules.MilestoneResult;
import io.capexwatch.verdict.rules.RuleResult;
import io.capexwatch.verdict.rules.VerdictState;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A company's verdict as served.
 *
 * @param basedOn          the most recent filing behind the evaluated quarter
 * @param previousState    the state before the last change; null if it never changed
 * @param stateSince       when the state last changed (or was first set)
 * @param stateReason      for INSUFFICIENT_DATA, what is missing
 * @param dataQualityFlags flags on the evaluated quarter's inputs (derived, stale, missing ...)
 * @param milestones       the company's schedule, judged (met, on track, at risk, missed)
 * @param rulesVersion     the version of the rule thresholds it was evaluated under (GET /api/rules)
 * @param scheduleVersion  the version of the company's schedule (0: none)
 * @param quarters         recent quarters, oldest first, for charts
 */
@RegisterForReflection
public record Verdict(String ticker, long cik, String entityName, VerdictState state, String stateReason,
                      Integer fiscalYear, Integer fiscalQuarter, LocalDate periodEnd, Filing basedOn,
                      Instant evaluatedAt, VerdictState previousState, Instant stateSince, List<RuleResult> rules,
                      List<MilestoneResult> milestones, List<String> dataQualityFlags, long metricsRevision,
                      long rulesVersion, int scheduleVersion, List<QuarterFigures> quarters) {
}
