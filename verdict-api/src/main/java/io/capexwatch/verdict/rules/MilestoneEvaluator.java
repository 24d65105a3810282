package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.verdict.rules.MilestoneResult.Status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Judges milestones against a company's quarters. Once the deadline quarter is reported, its value decides
 * MET or MISSED for good. Before that a target that already holds is MET; otherwise the least-squares trend
 * of the last four quarters, carried forward to the deadline, says ON_TRACK or AT_RISK.
 */
public final class MilestoneEvaluator {
    private static final int TREND_QUARTERS = 4;
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private MilestoneEvaluator() {
    }

    public static List<MilestoneResult> evaluate(List<Milestone> milestones, List<QuarterMetrics> series) {
        List<QuarterMetrics> sorted = series.stream().sorted(Comparator.comparing(QuarterMetrics::periodEnd)).toList();
        return milestones.stream().map(m -> evaluate(m, sorted)).toList();
    }

    private static MilestoneResult evaluate(Milestone m, List<QuarterMetrics> sorted) {
        QuarterMetrics deadline = sorted.stream().filter(q -> index(q) == m.deadlineIndex()).findFirst().orElse(null);
        QuarterMetrics latest = sorted.isEmpty() ? null : sorted.getLast();
        if (deadline != null || latest != null && index(latest) > m.deadlineIndex()) {
            BigDecimal value = deadline == null ? null : m.metric().of(deadline);
            if (value == null) {
                return new MilestoneResult(m, Status.NOT_ASSESSED, null, null,
                        m.describe() + ": the deadline quarter's " + m.metric() + " is not available.");
            }
            boolean met = m.comparison().holds(value, m.target());
            return new MilestoneResult(m, met ? Status.MET : Status.MISSED, value, null,
                    m.describe() + ": " + (met ? "met" : "missed") + " with " + value.toPlainString() + ".");
        }
        BigDecimal current = latest == null ? null : m.metric().of(latest);
        if (current == null) {
            return new MilestoneResult(m, Status.NOT_ASSESSED, null, null, m.describe() + ": " + m.metric() + " is not available yet.");
        }
        if (m.comparison().holds(current, m.target())) {
            return new MilestoneResult(m, Status.MET, current, null,
                    m.describe() + ": already met with " + current.toPlainString() + ".");
        }
        BigDecimal projected = projection(m, sorted);
        if (projected == null) {
            return new MilestoneResult(m, Status.AT_RISK, current, null, m.describe() + ": not met yet ("
                    + current.toPlainString() + ") and fewer than four quarters to show a trend.");
        }
        boolean onTrack = m.comparison().holds(projected, m.target());
        return new MilestoneResult(m, onTrack ? Status.ON_TRACK : Status.AT_RISK, current, projected,
                m.describe() + ": " + current.toPlainString() + " now; the last four quarters' trend gives "
                        + projected.toPlainString() + " by the deadline, " + (onTrack ? "on track." : "short of the target."));
    }

    /** The least-squares line through the last four quarters' values, at the deadline; null without four values. */
    private static BigDecimal projection(Milestone m, List<QuarterMetrics> sorted) {
        List<QuarterMetrics> recent = sorted.subList(Math.max(0, sorted.size() - TREND_QUARTERS), sorted.size());
        List<BigDecimal> values = recent.stream().map(m.metric()::of).filter(Objects::nonNull).toList();
        if (recent.size() < TREND_QUARTERS || values.size() < TREND_QUARTERS) {
            return null;
        }
        // x = quarter index, centred: -1.5, -0.5, 0.5, 1.5 (sum of squares 5)
        BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(TREND_QUARTERS), PRECISION);
        BigDecimal slope = BigDecimal.ZERO;
        for (int i = 0; i < TREND_QUARTERS; i++) {
            slope = slope.add(values.get(i).multiply(BigDecimal.valueOf(i - 1.5)));
        }
        slope = slope.divide(BigDecimal.valueOf(5), PRECISION);
        double stepsFromCentre = m.deadlineIndex() - index(recent.getLast()) + 1.5;
        BigDecimal projected = mean.add(slope.multiply(BigDecimal.valueOf(stepsFromCentre)));
        int scale = values.getLast().scale() > 0 ? values.getLast().scale() : 0;
        return projected.setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static int index(QuarterMetrics q) {
        return q.fiscalYear() * 4 + q.fiscalQuarter() - 1;
    }
}
