package io.capexwatch.verdict.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Debt-funded build-out: capex above operating cash flow while the company issues debt in the same
 * trailing twelve months means the build-out is being borrowed for.
 */
public final class DebtFundedBuildOutRule implements Rule {
    public static final String NAME = "debt-funded-build-out";

    @Override
    public RuleResult evaluate(YearOverYear q, Thresholds t) {
        long capex = q.latest().ttmCapex();
        long ocf = q.latest().ttmOcf();
        Long debt = q.latest().ttmDebtIssued();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmCapex", capex);
        inputs.put("ttmOcf", ocf);
        inputs.put("fundingGap", Math.max(0, capex - ocf));
        inputs.put("ttmDebtIssued", debt);
        Map<String, BigDecimal> thresholds = Map.of();
        if (capex <= ocf) {
            return new RuleResult(NAME, "Debt-funded build-out", RuleOutcome.OK, inputs, thresholds,
                    "Operating cash flow covers capex over the trailing twelve months.");
        }
        if (debt == null || debt <= 0) {
            return new RuleResult(NAME, "Debt-funded build-out", RuleOutcome.OK, inputs, thresholds,
                    "Capex exceeds operating cash flow by " + Percent.usdBillions(capex - ocf)
                            + ", with no debt issuance reported in the trailing twelve months.");
        }
        return new RuleResult(NAME, "Debt-funded build-out", RuleOutcome.SLIPPING, inputs, thresholds,
                "Capex exceeds operating cash flow by " + Percent.usdBillions(capex - ocf) + " while "
                        + Percent.usdBillions(debt) + " of debt was issued in the trailing twelve months.");
    }
}
