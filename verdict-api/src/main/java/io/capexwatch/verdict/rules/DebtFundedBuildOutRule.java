package io.capexwatch.verdict.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Debt-funded build-out: capex above operating cash flow while the company borrows more than it repays in
 * the same trailing twelve months means the build-out is being borrowed for. Net borrowing (debt issued
 * minus debt repaid), not gross issuance: rolling over commercial paper issues and repays the same debt.
 * Where repayments are not reported, gross issuance is used and the sentence says so.
 */
public final class DebtFundedBuildOutRule implements Rule {
    public static final String NAME = "debt-funded-build-out";

    @Override
    public RuleResult evaluate(YearOverYear q, Thresholds t) {
        long capex = q.latest().ttmCapex();
        long ocf = q.latest().ttmOcf();
        Long issued = q.latest().ttmDebtIssued();
        Long repaid = q.latest().extended() == null ? null : q.latest().extended().ttmDebtRepaid();
        Long net = issued == null ? null : repaid == null ? issued : issued - repaid;
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmCapex", capex);
        inputs.put("ttmOcf", ocf);
        inputs.put("fundingGap", Math.max(0, capex - ocf));
        inputs.put("ttmDebtIssued", issued);
        inputs.put("ttmDebtRepaid", repaid);
        inputs.put("ttmNetBorrowing", net);
        Map<String, BigDecimal> thresholds = Map.of();
        if (capex <= ocf) {
            return new RuleResult(NAME, "Debt-funded build-out", RuleOutcome.OK, inputs, thresholds,
                    "Operating cash flow covers capex over the trailing twelve months.");
        }
        String gap = "Capex exceeds operating cash flow by " + Percent.usdBillions(capex - ocf);
        if (net == null) {
            return new RuleResult(NAME, "Debt-funded build-out", RuleOutcome.OK, inputs, thresholds,
                    gap + ", with no debt issuance reported in the trailing twelve months.");
        }
        String borrowing = repaid == null
                ? Percent.usdBillions(issued) + " of debt issued (repayments not reported)"
                : "net borrowing of " + Percent.usdBillions(net) + " (" + Percent.usdBillions(issued) + " issued, "
                        + Percent.usdBillions(repaid) + " repaid)";
        if (net <= 0) {
            return new RuleResult(NAME, "Debt-funded build-out", RuleOutcome.OK, inputs, thresholds,
                    gap + ", with " + borrowing + " in the trailing twelve months: not funded by new debt.");
        }
        return new RuleResult(NAME, "Debt-funded build-out", RuleOutcome.SLIPPING, inputs, thresholds,
                gap + " with " + borrowing + " in the trailing twelve months.");
    }
}
