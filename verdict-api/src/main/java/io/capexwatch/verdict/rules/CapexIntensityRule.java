package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.CompanyMeasure;
import io.capexwatch.contracts.messages.QuarterMetrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capex intensity: how much of the cash the business generates goes straight back into capex (TTM capex /
 * TTM operating cash flow). The higher it is, the more the build-out depends on returns that have yet to
 * arrive. Capex with no positive operating cash flow to fund it is slipping outright. The company's own
 * capex measure is used where it is exact (e.g. Amazon's net of proceeds, Meta's including finance-lease
 * principal); the standard figure stays in the inputs beside it, and the explanation says when that
 * measure's concept names are unverified (its definition's note).
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
        CompanyDefinedMetrics own = q.companyDefined();
        boolean companyBasis = own != null && own.capex() != null && own.capex().ttmExact() && own.ttmCapexToOcf() != null;
        BigDecimal ratio = companyBasis ? own.ttmCapexToOcf() : q.ttmCapexToOcf();
        if (companyBasis) {
            inputs.put("companyCapexDefinition", own.capex().definition());
            inputs.put("companyCapexSource", own.capex().source());
            inputs.put("ttmCompanyCapex", own.capex().ttm());
            inputs.put("ttmCompanyCapexToOcf", own.ttmCapexToOcf());
        }
        String basis = companyBasis ? RuleResult.COMPANY_DEFINED : RuleResult.STANDARD;
        Map<String, BigDecimal> thresholds = Map.of("watch", t.capexIntensityWatch(), "slipping", t.capexIntensitySlipping());
        if (ratio == null) {
            return new RuleResult(NAME, "Capex intensity", RuleOutcome.SLIPPING, inputs, thresholds,
                    "TTM operating cash flow of " + Percent.usdBillions(q.ttmOcf())
                            + " cannot fund TTM capex of " + Percent.usdBillions(q.ttmCapex()) + ".", basis);
        }
        RuleOutcome outcome = ratio.compareTo(t.capexIntensitySlipping()) >= 0 ? RuleOutcome.SLIPPING
                : ratio.compareTo(t.capexIntensityWatch()) >= 0 ? RuleOutcome.WATCH
                : RuleOutcome.OK;
        String limits = " (watch at " + Percent.of(t.capexIntensityWatch()) + ", slipping at "
                + Percent.of(t.capexIntensitySlipping()) + ").";
        String sentence = companyBasis
                ? "TTM capex as the company defines it (" + own.capex().definition() + ", "
                        + Percent.usdBillions(own.capex().ttm()) + ") is " + Percent.of(ratio) + " of TTM operating cash flow"
                        + (q.ttmCapexToOcf() == null ? "" : "; " + Percent.of(q.ttmCapexToOcf()) + " on the standard basis") + limits
                        + DefinitionNotes.measureRestsOnUnverified(CompanyMeasure.unverified(own.capex().note()))
                : "TTM capex is " + Percent.of(ratio) + " of TTM operating cash flow" + limits;
        return new RuleResult(NAME, "Capex intensity", outcome, inputs, thresholds, sentence, basis);
    }
}
