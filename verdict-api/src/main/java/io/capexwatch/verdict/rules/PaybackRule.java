package io.capexwatch.verdict.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payback on schedule: the incremental cash return R = (TTM OCF now − TTM OCF a year ago) / TTM capex a
 * year ago, i.e. how much new operating cash each dollar of last year's capex brings in this year,
 * against a hurdle h (roughly the cost of capital): ok at R ≥ 2h, watch at h ≤ R &lt; 2h, slipping below h.
 */
public final class PaybackRule implements Rule {
    public static final String NAME = "payback";

    @Override
    public RuleResult evaluate(YearOverYear q, Thresholds t) {
        long ocfGain = q.latest().ttmOcf() - q.yearAgo().ttmOcf();
        long capexThen = q.yearAgo().ttmCapex();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmOcf", q.latest().ttmOcf());
        inputs.put("ttmOcfYearAgo", q.yearAgo().ttmOcf());
        inputs.put("ttmCapexYearAgo", capexThen);
        BigDecimal hurdle = t.paybackHurdle();
        Map<String, BigDecimal> thresholds = Map.of("hurdle", hurdle, "okAtOrAbove", hurdle.multiply(BigDecimal.TWO));
        if (capexThen <= 0) {
            inputs.put("incrementalReturn", null);
            return RuleResult.notAssessed(NAME, "Payback on schedule", inputs, thresholds, "no capex a year earlier to pay back.");
        }
        BigDecimal r = BigDecimal.valueOf(ocfGain).divide(BigDecimal.valueOf(capexThen), 4, RoundingMode.HALF_EVEN);
        inputs.put("incrementalReturn", r);
        RuleOutcome outcome = r.compareTo(hurdle) < 0 ? RuleOutcome.SLIPPING
                : r.compareTo(hurdle.multiply(BigDecimal.TWO)) < 0 ? RuleOutcome.WATCH : RuleOutcome.OK;
        return new RuleResult(NAME, "Payback on schedule", outcome, inputs, thresholds,
                Percent.dollars(r) + " of new operating cash flow per dollar of capex a year earlier (hurdle "
                        + Percent.dollars(hurdle) + ", on schedule from " + Percent.dollars(hurdle.multiply(BigDecimal.TWO)) + ").");
    }
}
