package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates the eight rules on the latest quarter (a rule without its inputs is NOT_ASSESSED and does not count). The verdict is SLIPPING if any rule says slipping, WATCH if
 * any says watch, else ON_SCHEDULE; INSUFFICIENT_DATA when the latest quarter or the same quarter a year
 * earlier lacks complete trailing-twelve-month figures (eight contiguous quarters). An analyst's milestone
 * that was missed makes the verdict at least WATCH.
 */
public final class VerdictEngine {
    private static final List<Rule> RULES = List.of(new CapexIntensityRule(), new FreeCashFlowTrendRule(),
            new CashEngineRule(), new MonetizationPaceRule(), new PaybackRule(), new DepreciationDragRule(),
            new DebtFundedBuildOutRule(), new CommitmentsOverhangRule());

    private VerdictEngine() {
    }

    /** @param series a company's quarters in any order */
    public static Evaluation evaluate(List<QuarterMetrics> series, Thresholds thresholds) {
        return evaluate(series, thresholds, List.of());
    }

    /** @param milestones the company's schedule, judged on the same quarters */
    public static Evaluation evaluate(List<QuarterMetrics> series, Thresholds thresholds, List<Milestone> milestones) {
        Evaluation rules = evaluateRules(series, thresholds);
        List<MilestoneResult> judged = MilestoneEvaluator.evaluate(milestones, series);
        boolean missed = judged.stream().anyMatch(m -> m.status() == MilestoneResult.Status.MISSED);
        VerdictState state = missed && rules.state() == VerdictState.ON_SCHEDULE ? VerdictState.WATCH : rules.state();
        return new Evaluation(state, rules.latest(), rules.rules(), rules.insufficientReason(), judged);
    }

    private static Evaluation evaluateRules(List<QuarterMetrics> series, Thresholds thresholds) {
        List<QuarterMetrics> sorted = series.stream().sorted(Comparator.comparing(QuarterMetrics::periodEnd)).toList();
        if (sorted.isEmpty()) {
            return new Evaluation(VerdictState.INSUFFICIENT_DATA, null, List.of(), "no quarters yet", List.of());
        }
        QuarterMetrics latest = sorted.getLast();
        Optional<QuarterMetrics> yearAgo = sameQuarterYearBefore(sorted, latest);
        if (!complete(latest) || yearAgo.isEmpty() || !complete(yearAgo.get())) {
            return new Evaluation(VerdictState.INSUFFICIENT_DATA, latest, List.of(),
                    "needs trailing-twelve-month figures for FY" + latest.fiscalYear() + " Q" + latest.fiscalQuarter()
                            + " and the same quarter a year earlier (eight contiguous quarters)", List.of());
        }
        QuarterMetrics previous = sorted.size() >= 2 ? sorted.get(sorted.size() - 2) : null;
        QuarterMetrics previousYearAgo = previous == null ? null : sameQuarterYearBefore(sorted, previous).orElse(null);
        YearOverYear quarters = new YearOverYear(latest, yearAgo.get(), previous, previousYearAgo);
        List<RuleResult> results = RULES.stream().map(rule -> rule.evaluate(quarters, thresholds)).toList();
        RuleOutcome worst = results.stream().map(RuleResult::outcome).reduce(RuleOutcome.OK, RuleOutcome::worst);
        VerdictState state = switch (worst) {
            case NOT_ASSESSED, OK -> VerdictState.ON_SCHEDULE;
            case WATCH -> VerdictState.WATCH;
            case SLIPPING -> VerdictState.SLIPPING;
        };
        return new Evaluation(state, latest, results, null, List.of());
    }

    private static Optional<QuarterMetrics> sameQuarterYearBefore(List<QuarterMetrics> sorted, QuarterMetrics q) {
        return sorted.stream()
                .filter(other -> other.fiscalYear() == q.fiscalYear() - 1 && other.fiscalQuarter() == q.fiscalQuarter())
                .findFirst();
    }

    private static boolean complete(QuarterMetrics q) {
        return q.ttmOcf() != null && q.ttmCapex() != null && q.ttmFcf() != null;
    }

    /**
     * @param latest             the quarter the verdict is about; null when there is none
     * @param insufficientReason why the data does not suffice, for INSUFFICIENT_DATA
     * @param milestones         the company's milestones, judged
     */
    public record Evaluation(VerdictState state, QuarterMetrics latest, List<RuleResult> rules, String insufficientReason,
                             List<MilestoneResult> milestones) {
    }
}
