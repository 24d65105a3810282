package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Depreciation drag: yesterday's capex comes back as depreciation. D&amp;A growing much faster than revenue
 * squeezes the margins the build-out was meant to lift.
 */
public final class DepreciationDragRule implements Rule {
    public static final String NAME = "depreciation-drag";

    @Override
    public RuleResult evaluate(YearOverYear q, Thresholds t) {
        BigDecimal da = YearOverYear.growth(q.latest(), q.yearAgo(), QuarterMetrics::ttmDepreciationAndAmortization);
        BigDecimal revenue = YearOverYear.growth(q.latest(), q.yearAgo(), QuarterMetrics::ttmRevenue);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmDepreciationAndAmortization", q.latest().ttmDepreciationAndAmortization());
        inputs.put("ttmDepreciationAndAmortizationGrowth", da);
        inputs.put("ttmRevenueGrowth", revenue);
        Map<String, BigDecimal> thresholds = Map.of("watchAbove", t.depreciationGapWatch());
        if (da == null || revenue == null) {
            inputs.put("gap", null);
            return RuleResult.notAssessed(NAME, "Depreciation drag", inputs, thresholds, "TTM D&A or revenue growth is not available.");
        }
        BigDecimal gap = da.subtract(revenue);
        inputs.put("gap", gap);
        RuleOutcome outcome = gap.compareTo(t.depreciationGapWatch()) > 0 ? RuleOutcome.WATCH : RuleOutcome.OK;
        return new RuleResult(NAME, "Depreciation drag", outcome, inputs, thresholds,
                "TTM D&A is " + Percent.signed(da) + " and TTM revenue " + Percent.signed(revenue)
                        + " year over year: a gap of " + Percent.points(gap) + " (watch above "
                        + Percent.points(t.depreciationGapWatch()) + ").");
    }
}
