package io.capexwatch.verdict.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Free cash flow trend: TTM free cash flow against a year earlier. A build-out that pays back keeps free
 * cash flow positive; a steep fall says spending is outrunning the cash it brings in.
 */
public final class FreeCashFlowTrendRule implements Rule {
    public static final String NAME = "free-cash-flow";

    @Override
    public RuleResult evaluate(YearOverYear quarters, Thresholds t) {
        long now = quarters.latest().ttmFcf();
        long yearAgo = quarters.yearAgo().ttmFcf();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmFcf", now);
        inputs.put("ttmFcfYearAgo", yearAgo);
        BigDecimal change = yearAgo > 0
                ? BigDecimal.valueOf(now - yearAgo).divide(BigDecimal.valueOf(yearAgo), 4, RoundingMode.HALF_EVEN)
                : null;
        inputs.put("yearOverYearChange", change);
        Map<String, BigDecimal> thresholds = Map.of("watchDecline", t.fcfDeclineWatch(), "slipping", BigDecimal.ZERO);
        if (now <= 0) {
            return new RuleResult(NAME, "Free cash flow", RuleOutcome.SLIPPING, inputs, thresholds,
                    "TTM free cash flow is " + Percent.usdBillions(now) + ": capex exceeds operating cash flow.");
        }
        if (change == null) {
            return new RuleResult(NAME, "Free cash flow", RuleOutcome.OK, inputs, thresholds,
                    "TTM free cash flow turned positive at " + Percent.usdBillions(now) + " from "
                            + Percent.usdBillions(yearAgo) + " a year earlier.");
        }
        RuleOutcome outcome = change.compareTo(t.fcfDeclineWatch().negate()) < 0 ? RuleOutcome.WATCH : RuleOutcome.OK;
        return new RuleResult(NAME, "Free cash flow", outcome, inputs, thresholds,
                "TTM free cash flow of " + Percent.usdBillions(now) + " is " + (change.signum() < 0 ? "down " : "up ")
                        + Percent.of(change.abs()) + " year over year (watch when down more than "
                        + Percent.of(t.fcfDeclineWatch()) + ").");
    }
}
