package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capex intensity: how much of the cash the business generates goes straight back into capex (TTM capex /
 * TTM operating cash flow). The higher it is, the more the build-out depends on returns that have yet to
 * arrive. Capex with no positive operating cash flow to fund it is slipping outright.
 */
public final class CapexIntensityRule implements Rule {
    public static final String NAME = "capex-intensity";

    @Override
    public RuleResult evaluate(YearOverYear quarters, Thresholds t) {
        QuarterMetrics q = quarters.latest();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmCapex", q.ttmCapex());
        inputs.put("ttmOcf", q.ttmOcf());
        inputs.put("ttmCapexToOcf", q.ttmCapexToOcf());
        Map<String, java.math.BigDecimal> thresholds = Map.of("watch", t.capexIntensityWatch(),
                "slipping", t.capexIntensitySlipping());
        if (q.ttmCapexToOcf() == null) {
            return new RuleResult(NAME, "Capex intensity", RuleOutcome.SLIPPING, inputs, thresholds,
                    "TTM operating cash flow of " + Percent.usdBillions(q.ttmOcf())
                            + " cannot fund TTM capex of " + Percent.usdBillions(q.ttmCapex()) + ".");
        }
        RuleOutcome outcome = q.ttmCapexToOcf().compareTo(t.capexIntensitySlipping()) >= 0 ? RuleOutcome.SLIPPING
                : q.ttmCapexToOcf().compareTo(t.capexIntensityWatch()) >= 0 ? RuleOutcome.WATCH
                : RuleOutcome.OK;
        return new RuleResult(NAME, "Capex intensity", outcome, inputs, thresholds,
                "TTM capex is " + Percent.of(q.ttmCapexToOcf()) + " of TTM operating cash flow (watch at "
                        + Percent.of(t.capexIntensityWatch()) + ", slipping at " + Percent.of(t.capexIntensitySlipping()) + ").");
    }
}
