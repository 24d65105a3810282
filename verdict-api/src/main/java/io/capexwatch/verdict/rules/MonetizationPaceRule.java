package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Monetization pace: capex growing far faster than revenue, two quarters running, means the build-out
 * is running ahead of the business that is supposed to pay it back.
 */
public final class MonetizationPaceRule implements Rule {
    public static final String NAME = "monetization-pace";

    @Override
    public RuleResult evaluate(YearOverYear q, Thresholds t) {
        BigDecimal gap = gap(q.latest(), q.yearAgo());
        BigDecimal previousGap = gap(q.previous(), q.previousYearAgo());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmCapexGrowth", YearOverYear.growth(q.latest(), q.yearAgo(), QuarterMetrics::ttmCapex));
        inputs.put("ttmRevenueGrowth", YearOverYear.growth(q.latest(), q.yearAgo(), QuarterMetrics::ttmRevenue));
        inputs.put("gap", gap);
        inputs.put("gapPreviousQuarter", previousGap);
        Map<String, BigDecimal> thresholds = Map.of("watchAbove", t.monetizationGapWatch());
        if (gap == null) {
            return RuleResult.notAssessed(NAME, "Monetization pace", inputs, thresholds, "TTM revenue or capex growth is not available.");
        }
        boolean above = gap.compareTo(t.monetizationGapWatch()) > 0;
        boolean twice = above && previousGap != null && previousGap.compareTo(t.monetizationGapWatch()) > 0;
        String sentence = "TTM capex growth " + (gap.signum() < 0 ? "trails" : "exceeds") + " TTM revenue growth by "
                + Percent.points(gap.abs())
                + (previousGap == null ? "" : " (" + Percent.points(previousGap) + " the quarter before)")
                + "; watch above " + Percent.points(t.monetizationGapWatch()) + " two quarters running.";
        return new RuleResult(NAME, "Monetization pace", twice ? RuleOutcome.WATCH : RuleOutcome.OK, inputs, thresholds,
                sentence);
    }

    /** TTM capex growth minus TTM revenue growth, or null. */
    static BigDecimal gap(QuarterMetrics now, QuarterMetrics yearAgo) {
        BigDecimal capex = YearOverYear.growth(now, yearAgo, QuarterMetrics::ttmCapex);
        BigDecimal revenue = YearOverYear.growth(now, yearAgo, QuarterMetrics::ttmRevenue);
        return capex == null || revenue == null ? null : capex.subtract(revenue);
    }
}
