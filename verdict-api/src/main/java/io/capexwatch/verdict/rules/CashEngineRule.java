package io.capexwatch.verdict.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cash engine: TTM operating cash flow against a year earlier. The build-out is paid for by the core
 * business; if its cash generation shrinks, every capex dollar weighs more.
 */
public final class CashEngineRule implements Rule {
    public static final String NAME = "cash-engine";

    @Override
    public RuleResult evaluate(YearOverYear q, Thresholds t) {
        BigDecimal growth = YearOverYear.growth(q.latest(), q.yearAgo(), m -> m.ttmOcf());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmOcf", q.latest().ttmOcf());
        inputs.put("ttmOcfYearAgo", q.yearAgo().ttmOcf());
        inputs.put("yearOverYearGrowth", growth);
        Map<String, BigDecimal> thresholds = Map.of("watchBelow", t.cashEngineWatch(), "slippingBelow", t.cashEngineSlipping());
        if (growth == null) {
            RuleOutcome outcome = q.latest().ttmOcf() > 0 ? RuleOutcome.OK : RuleOutcome.SLIPPING;
            return new RuleResult(NAME, "Cash engine", outcome, inputs, thresholds,
                    "TTM operating cash flow is " + Percent.usdBillions(q.latest().ttmOcf()) + " against "
                            + Percent.usdBillions(q.yearAgo().ttmOcf()) + " a year earlier.");
        }
        RuleOutcome outcome = growth.compareTo(t.cashEngineSlipping()) < 0 ? RuleOutcome.SLIPPING
                : growth.compareTo(t.cashEngineWatch()) < 0 ? RuleOutcome.WATCH : RuleOutcome.OK;
        return new RuleResult(NAME, "Cash engine", outcome, inputs, thresholds,
                "TTM operating cash flow of " + Percent.usdBillions(q.latest().ttmOcf()) + " is "
                        + Percent.signed(growth) + " year over year (watch below " + Percent.of(t.cashEngineWatch())
                        + ", slipping below " + Percent.of(t.cashEngineSlipping()) + ").");
    }
}
