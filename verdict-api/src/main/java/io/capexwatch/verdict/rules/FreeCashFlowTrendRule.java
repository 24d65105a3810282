package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.CompanyMeasure;
import io.capexwatch.contracts.messages.QuarterMetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Free cash flow trend: TTM free cash flow against a year earlier. A build-out that pays back keeps free
 * cash flow positive; a steep fall says spending is outrunning the cash it brings in. Free cash flow as the
 * company defines it is used where it is exact both now and a year earlier; the standard figures stay in
 * the inputs beside it, and the explanation says when that measure's concept names are unverified (its
 * definition's note).
 */
public final class FreeCashFlowTrendRule implements Rule {
    public static final String NAME = "free-cash-flow";

    @Override
    public RuleResult evaluate(YearOverYear quarters, Thresholds t) {
        QuarterMetrics latest = quarters.latest();
        QuarterMetrics ago = quarters.yearAgo();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmFcf", latest.ttmFcf());
        inputs.put("ttmFcfYearAgo", ago.ttmFcf());
        boolean companyBasis = exactFcf(latest) && exactFcf(ago);
        long now = companyBasis ? latest.companyDefined().fcf().ttm() : latest.ttmFcf();
        long yearAgo = companyBasis ? ago.companyDefined().fcf().ttm() : ago.ttmFcf();
        String what = "TTM free cash flow";
        if (companyBasis) {
            CompanyDefinedMetrics.Measure fcf = latest.companyDefined().fcf();
            inputs.put("companyFcfDefinition", fcf.definition());
            inputs.put("companyFcfSource", fcf.source());
            inputs.put("ttmCompanyFcf", now);
            inputs.put("ttmCompanyFcfYearAgo", yearAgo);
            what = "TTM free cash flow as the company defines it (" + fcf.definition() + ")";
        }
        String standard = companyBasis ? "; " + Percent.usdBillions(latest.ttmFcf()) + " on the standard basis" : "";
        String unverified = DefinitionNotes.measureRestsOnUnverified(companyBasis
                && CompanyMeasure.unverified(latest.companyDefined().fcf().note()));
        String basis = companyBasis ? RuleResult.COMPANY_DEFINED : RuleResult.STANDARD;
        BigDecimal change = yearAgo > 0
                ? BigDecimal.valueOf(now - yearAgo).divide(BigDecimal.valueOf(yearAgo), 4, RoundingMode.HALF_EVEN)
                : null;
        inputs.put("yearOverYearChange", change);
        Map<String, BigDecimal> thresholds = Map.of("watchDecline", t.fcfDeclineWatch(), "slipping", BigDecimal.ZERO);
        if (now <= 0) {
            return new RuleResult(NAME, "Free cash flow", RuleOutcome.SLIPPING, inputs, thresholds,
                    what + " is " + Percent.usdBillions(now) + standard + ": capex exceeds operating cash flow." + unverified, basis);
        }
        if (change == null) {
            return new RuleResult(NAME, "Free cash flow", RuleOutcome.OK, inputs, thresholds,
                    what + " turned positive at " + Percent.usdBillions(now) + " from "
                            + Percent.usdBillions(yearAgo) + " a year earlier" + standard + "." + unverified, basis);
        }
        RuleOutcome outcome = change.compareTo(t.fcfDeclineWatch().negate()) < 0 ? RuleOutcome.WATCH : RuleOutcome.OK;
        return new RuleResult(NAME, "Free cash flow", outcome, inputs, thresholds,
                what + " of " + Percent.usdBillions(now) + " is " + (change.signum() < 0 ? "down " : "up ")
                        + Percent.of(change.abs()) + " year over year" + standard + " (watch when down more than "
                        + Percent.of(t.fcfDeclineWatch()) + ")." + unverified, basis);
    }

    private static boolean exactFcf(QuarterMetrics q) {
        return q.companyDefined() != null && q.companyDefined().fcf() != null && q.companyDefined().fcf().ttmExact();
    }
}
