package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Commitments overhang: what the company has signed but not yet put on its balance sheet (leases not yet
 * commenced, unconditional purchase obligations, as tagged in its filings) against TTM operating cash flow.
 * Below the watch multiple of TTM OCF ({@link Thresholds#commitmentsOverhangWatch}, by default 1.00x): ok;
 * from it: watch; from the slipping multiple (by default 3.00x): slipping. Remaining
 * performance obligations are shown beside it, not added: they are the customers' commitments, not the
 * company's. Without any tagged commitment the rule is not assessed. A commitment whose definition's concept
 * names could not be checked against the company's filing (its note starts "Unverified") still counts, and
 * the explanation names it, so the analyst knows which part of the total to check first.
 */
public final class CommitmentsOverhangRule implements Rule {
    public static final String NAME = "commitments-overhang";

    @Override
    public RuleResult evaluate(YearOverYear q, Thresholds t) {
        CompanyDefinedMetrics own = q.latest().companyDefined();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ttmOcf", q.latest().ttmOcf());
        BigDecimal watch = t.commitmentsOverhangWatch();
        BigDecimal slipping = t.commitmentsOverhangSlipping();
        Map<String, BigDecimal> thresholds = Map.of("watch", watch, "slipping", slipping);
        if (own != null) {
            own.commitments().forEach(c -> inputs.put(c.id(), c.amount()));
        }
        inputs.put("offBalanceSheetCommitments", own == null ? null : own.offBalanceSheetCommitments());
        inputs.put("offBalanceSheetToTtmOcf", own == null ? null : own.offBalanceSheetToTtmOcf());
        if (own == null || own.offBalanceSheetCommitments() == null) {
            return RuleResult.notAssessed(NAME, "Commitments overhang", inputs, thresholds,
                    "no leases not yet commenced or purchase obligations are tagged for this quarter.");
        }
        List<CompanyDefinedMetrics.Commitment> used = own.commitments().stream()
                .filter(c -> c.offBalanceSheet() && c.amount() != null).toList();
        String unverified = unverified(used);
        BigDecimal multiple = own.offBalanceSheetToTtmOcf();
        if (multiple == null) {
            return new RuleResult(NAME, "Commitments overhang", RuleOutcome.SLIPPING, inputs, thresholds,
                    Percent.usdBillions(own.offBalanceSheetCommitments()) + " of commitments not yet on the balance sheet,"
                            + " with no positive TTM operating cash flow to meet them." + unverified);
        }
        RuleOutcome outcome = multiple.compareTo(slipping) >= 0 ? RuleOutcome.SLIPPING
                : multiple.compareTo(watch) >= 0 ? RuleOutcome.WATCH : RuleOutcome.OK;
        String parts = used.stream()
                .map(c -> lower(c.name()) + " " + Percent.usdBillions(c.amount()))
                .collect(Collectors.joining(", "));
        return new RuleResult(NAME, "Commitments overhang", outcome, inputs, thresholds,
                Percent.usdBillions(own.offBalanceSheetCommitments()) + " signed but not yet on the balance sheet (" + parts
                        + ") is " + Percent.times(multiple) + " TTM operating cash flow (watch from " + Percent.times(watch)
                        + ", slipping from " + Percent.times(slipping) + ")." + unverified);
    }

    /** " Of these, leases not yet commenced rests on ..." naming each unverified one used; "" when none. */
    private static String unverified(List<CompanyDefinedMetrics.Commitment> used) {
        List<String> names = used.stream().filter(CompanyDefinedMetrics.Commitment::unverified).map(c -> lower(c.name())).toList();
        return names.isEmpty() ? "" : " Of these, " + DefinitionNotes.restOnUnverified(names);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
