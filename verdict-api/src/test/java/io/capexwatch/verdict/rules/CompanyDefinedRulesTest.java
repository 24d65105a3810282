package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.ExtendedMetrics;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.QuarterMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules on the company-defined basis, net borrowing, the commitments overhang at each boundary, and
 * NOT_ASSESSED. Amazon at 2025-09-30: TTM OCF $130,691M, capex $120,131M (standard FCF $10,560M), capex net
 * of proceeds $115,903M, FCF as Amazon defines it $14,788M; a year earlier TTM OCF $112,706M, capex $69,753M.
 */
class CompanyDefinedRulesTest {
    private static final long M = 1_000_000L;

    @Test
    void capexIntensityOnAmazonsOwnBasisWithTheStandardBeside() {
        RuleResult r = new CapexIntensityRule().evaluate(new YearOverYear(amazon(exactCapex(), null, List.of(), null, null),
                yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(RuleResult.COMPANY_DEFINED, r.basis());
        assertEquals(new BigDecimal("0.8868"), r.inputs().get("ttmCompanyCapexToOcf"));
        assertEquals(new BigDecimal("0.9192"), r.inputs().get("ttmCapexToOcf"));
        assertEquals(RuleOutcome.SLIPPING, r.outcome()); // 88.7% >= 85%
        assertEquals("TTM capex as the company defines it (Purchases of property and equipment, net of proceeds from sales "
                + "and incentives, $115.9B) is 88.7% of TTM operating cash flow; 91.9% on the standard basis "
                + "(watch at 60%, slipping at 85%).", r.sentence());
    }

    @Test
    void anApproximateCompanyMeasureIsNeverTheBasis() {
        CompanyDefinedMetrics.Measure approximate = new CompanyDefinedMetrics.Measure("capex", "Capex including finance leases",
                "release", null, "APPROXIMATE", 115_903 * M, "APPROXIMATE", "finance-lease additions not split", null);
        RuleResult r = new CapexIntensityRule().evaluate(new YearOverYear(amazon(approximate, null, List.of(), null, null),
                yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(RuleResult.STANDARD, r.basis());
        assertEquals("TTM capex is 91.9% of TTM operating cash flow (watch at 60%, slipping at 85%).", r.sentence());
    }

    @Test
    void freeCashFlowOnTheCompanyBasisOnlyWhenExactNowAndAYearEarlier() {
        // Now $14,788M; a year earlier (Amazon's own, Q3 2024 release) $47,744M: down 69%.
        QuarterMetrics now = amazon(null, fcf(14_788 * M), List.of(), null, null);
        QuarterMetrics ago = yearAgo(fcf(47_744 * M));
        RuleResult r = new FreeCashFlowTrendRule().evaluate(new YearOverYear(now, ago), Thresholds.DEFAULTS);
        assertEquals(RuleResult.COMPANY_DEFINED, r.basis());
        assertEquals(14_788 * M, r.inputs().get("ttmCompanyFcf"));
        assertEquals(10_560 * M, r.inputs().get("ttmFcf"));
        assertEquals(RuleOutcome.WATCH, r.outcome());
        assertEquals("TTM free cash flow as the company defines it (Free cash flow) of $14.8B is down 69% year over year; "
                + "$10.6B on the standard basis (watch when down more than 25%).", r.sentence());
        // Without the year-ago company figure: the standard basis for both.
        RuleResult standard = new FreeCashFlowTrendRule().evaluate(new YearOverYear(now, yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(RuleResult.STANDARD, standard.basis());
        assertEquals(10_560 * M, standard.inputs().get("ttmFcf"));
        assertFalse(standard.inputs().containsKey("ttmCompanyFcf"));
    }

    @ParameterizedTest(name = "commitments {0}x TTM OCF -> {1}")
    @CsvSource({"0.0000, OK", "0.9999, OK", "1.0000, WATCH", "2.9999, WATCH", "3.0000, SLIPPING", "12.5000, SLIPPING"})
    void commitmentsOverhangAtEachBoundary(String multiple, RuleOutcome expected) {
        long amount = new BigDecimal(multiple).multiply(BigDecimal.valueOf(130_691 * M)).longValue();
        RuleResult r = new CommitmentsOverhangRule().evaluate(new YearOverYear(amazon(null, null,
                List.of(commitment("leases-not-yet-commenced", "Leases not yet commenced", amount, true)),
                amount, new BigDecimal(multiple)), yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(expected, r.outcome(), r.sentence());
        assertTrue(r.assessed());
    }

    @Test
    void commitmentsWithoutPositiveOcfAreSlipping() {
        RuleResult r = new CommitmentsOverhangRule().evaluate(new YearOverYear(amazon(null, null,
                List.of(commitment("purchase-obligations", "Purchase obligations", 5_000 * M, true)), 5_000 * M, null),
                yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(RuleOutcome.SLIPPING, r.outcome());
        assertEquals("$5.0B of commitments not yet on the balance sheet, with no positive TTM operating cash flow to meet them.",
                r.sentence());
    }

    @Test
    void commitmentsOverhangSentenceAndInputs() {
        // Amazon at 2022-12-31 (10-K 2022): leases not yet commenced $27,029M, purchase obligations $34,776M;
        // FY2022 operating cash flow $46,752M: $61,805M is 1.32x.
        long total = 27_029 * M + 34_776 * M;
        BigDecimal multiple = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(46_752 * M), 4, RoundingMode.HALF_EVEN);
        QuarterMetrics q = withTtmOcf(amazon(null, null, List.of(
                commitment("leases-not-yet-commenced", "Leases not yet commenced", 27_029 * M, true),
                commitment("purchase-obligations", "Purchase obligations", 34_776 * M, true),
                commitment("remaining-performance-obligations", "Remaining performance obligations", 100 * M, false)),
                total, multiple), 46_752 * M);
        RuleResult r = new CommitmentsOverhangRule().evaluate(new YearOverYear(q, yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(new BigDecimal("1.3220"), r.inputs().get("offBalanceSheetToTtmOcf"));
        assertEquals(61_805 * M, r.inputs().get("offBalanceSheetCommitments"));
        assertEquals(27_029 * M, r.inputs().get("leases-not-yet-commenced"));
        assertEquals(RuleOutcome.WATCH, r.outcome());
        assertEquals("$61.8B signed but not yet on the balance sheet (leases not yet commenced $27.0B, purchase obligations "
                + "$34.8B) is 1.32x TTM operating cash flow (watch from 1.00x, slipping from 3.00x).", r.sentence());
    }

    @Test
    void theExplanationNamesEachCommitmentUsedThatRestsOnUnverifiedConceptNames() {
        // Meta-like: leases not yet commenced and contractual commitments from unverified extension names, a part of
        // the latter (not added) unverified too, purchase obligations checked; $12,000M + $30,000M + $8,000M = $50,000M
        // against TTM OCF $100,000M: 0.50x.
        String unverified = "Unverified concept names: as the 10-K presentation linkbase lists them (third-party extraction)";
        QuarterMetrics q = withTtmOcf(amazon(null, null, List.of(
                noted("leases-not-yet-commenced", "Leases not yet commenced", 12_000 * M, true, null, unverified),
                noted("contractual-commitments", "Contractual commitments", 30_000 * M, true, null, unverified),
                noted("contractual-commitments-next-twelve-months", "Contractual commitments, next twelve months", 9_000 * M,
                        false, "contractual-commitments", unverified),
                noted("purchase-obligations", "Purchase obligations", 8_000 * M, true, null,
                        "Checked against the company's companyfacts")), 50_000 * M, new BigDecimal("0.5000")), 100_000 * M);
        RuleResult r = new CommitmentsOverhangRule().evaluate(new YearOverYear(q, yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(RuleOutcome.OK, r.outcome());
        assertEquals("$50.0B signed but not yet on the balance sheet (leases not yet commenced $12.0B, contractual commitments "
                + "$30.0B, purchase obligations $8.0B) is 0.50x TTM operating cash flow (watch from 1.00x, slipping from 3.00x)."
                + " Of these, leases not yet commenced and contractual commitments rest on concept names not verified against"
                + " the company's filing (see the definition's note).", r.sentence());

        // One unverified, and no positive operating cash flow.
        RuleResult slipping = new CommitmentsOverhangRule().evaluate(new YearOverYear(amazon(null, null, List.of(
                noted("purchase-obligations", "Purchase obligations", 5_000 * M, true, null, unverified)), 5_000 * M, null),
                yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(RuleOutcome.SLIPPING, slipping.outcome());
        assertEquals("$5.0B of commitments not yet on the balance sheet, with no positive TTM operating cash flow to meet them."
                + " Of these, purchase obligations rests on concept names not verified against the company's filing"
                + " (see the definition's note).", slipping.sentence());
    }

    @Test
    void theCompanyBasisSaysWhenItsMeasureRestsOnUnverifiedConceptNames() {
        String unverified = "Unverified member names: as a third party extracted them";
        CompanyDefinedMetrics.Measure capex = exactCapex();
        CompanyDefinedMetrics.Measure notedCapex = new CompanyDefinedMetrics.Measure(capex.id(), capex.definition(),
                capex.source(), capex.quarter(), capex.status(), capex.ttm(), capex.ttmStatus(), capex.reason(),
                capex.ttmDerivation(), unverified);
        RuleResult intensity = new CapexIntensityRule().evaluate(new YearOverYear(amazon(notedCapex, null, List.of(), null, null),
                yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(RuleResult.COMPANY_DEFINED, intensity.basis());
        assertEquals("TTM capex as the company defines it (Purchases of property and equipment, net of proceeds from sales "
                + "and incentives, $115.9B) is 88.7% of TTM operating cash flow; 91.9% on the standard basis "
                + "(watch at 60%, slipping at 85%). That measure rests on concept names not verified against the company's"
                + " filing (see the definition's note).", intensity.sentence());

        CompanyDefinedMetrics.Measure fcf = fcf(14_788 * M);
        CompanyDefinedMetrics.Measure notedFcf = new CompanyDefinedMetrics.Measure(fcf.id(), fcf.definition(), fcf.source(),
                fcf.quarter(), fcf.status(), fcf.ttm(), fcf.ttmStatus(), fcf.reason(), fcf.ttmDerivation(), unverified);
        RuleResult trend = new FreeCashFlowTrendRule().evaluate(new YearOverYear(amazon(null, notedFcf, List.of(), null, null),
                yearAgo(fcf(47_744 * M))), Thresholds.DEFAULTS);
        assertEquals("TTM free cash flow as the company defines it (Free cash flow) of $14.8B is down 69% year over year; "
                + "$10.6B on the standard basis (watch when down more than 25%). That measure rests on concept names not"
                + " verified against the company's filing (see the definition's note).", trend.sentence());
        // A checked note says nothing more.
        CompanyDefinedMetrics.Measure checkedFcf = new CompanyDefinedMetrics.Measure(fcf.id(), fcf.definition(), fcf.source(),
                fcf.quarter(), fcf.status(), fcf.ttm(), fcf.ttmStatus(), fcf.reason(), fcf.ttmDerivation(),
                "The principal-payments line is the company's extension, declared in its filing");
        assertEquals("TTM free cash flow as the company defines it (Free cash flow) of $14.8B is down 69% year over year; "
                + "$10.6B on the standard basis (watch when down more than 25%).", new FreeCashFlowTrendRule().evaluate(
                new YearOverYear(amazon(null, checkedFcf, List.of(), null, null), yearAgo(fcf(47_744 * M))),
                Thresholds.DEFAULTS).sentence());
    }

    @Test
    void theCommitmentsOverhangThresholdsInForceDecideItsOutcomeAndAreNamed() {
        // Amazon at 2022-12-31: leases not yet commenced $27,029M against FY2022 operating cash flow $46,752M: 0.5781x.
        BigDecimal multiple = BigDecimal.valueOf(27_029 * M).divide(BigDecimal.valueOf(46_752 * M), 4, RoundingMode.HALF_EVEN);
        QuarterMetrics q = withTtmOcf(amazon(null, null, List.of(commitment("leases-not-yet-commenced",
                "Leases not yet commenced", 27_029 * M, true)), 27_029 * M, multiple), 46_752 * M);
        YearOverYear quarters = new YearOverYear(q, yearAgo(null));
        assertEquals(new BigDecimal("0.5781"), multiple);

        RuleResult defaults = new CommitmentsOverhangRule().evaluate(quarters, Thresholds.DEFAULTS);
        assertEquals(RuleOutcome.OK, defaults.outcome());
        assertEquals(new BigDecimal("1.00"), defaults.thresholds().get("watch"));
        assertEquals(new BigDecimal("3.00"), defaults.thresholds().get("slipping"));
        assertEquals("$27.0B signed but not yet on the balance sheet (leases not yet commenced $27.0B) is 0.58x TTM operating "
                + "cash flow (watch from 1.00x, slipping from 3.00x).", defaults.sentence());

        RuleResult watch = new CommitmentsOverhangRule().evaluate(quarters, commitments("0.50", "3.00"));
        assertEquals(RuleOutcome.WATCH, watch.outcome());
        assertEquals(new BigDecimal("0.50"), watch.thresholds().get("watch"));
        assertEquals("$27.0B signed but not yet on the balance sheet (leases not yet commenced $27.0B) is 0.58x TTM operating "
                + "cash flow (watch from 0.50x, slipping from 3.00x).", watch.sentence());

        RuleResult slipping = new CommitmentsOverhangRule().evaluate(quarters, commitments("0.50", "0.57"));
        assertEquals(RuleOutcome.SLIPPING, slipping.outcome());
        assertEquals(new BigDecimal("0.57"), slipping.thresholds().get("slipping"));
        // At the boundary: 0.5781x is not below a slipping threshold of 0.5781.
        assertEquals(RuleOutcome.SLIPPING, new CommitmentsOverhangRule().evaluate(quarters, commitments("0.50", "0.5781")).outcome());
        assertEquals(RuleOutcome.WATCH, new CommitmentsOverhangRule().evaluate(quarters, commitments("0.50", "0.5782")).outcome());
    }

    private static Thresholds commitments(String watch, String slipping) {
        Thresholds d = Thresholds.DEFAULTS;
        return new Thresholds(d.capexIntensityWatch(), d.capexIntensitySlipping(), d.fcfDeclineWatch(), d.cashEngineWatch(),
                d.cashEngineSlipping(), d.monetizationGapWatch(), d.paybackHurdle(), d.depreciationGapWatch(),
                new BigDecimal(watch), new BigDecimal(slipping));
    }

    @Test
    void withoutCommitmentsTheRuleIsNotAssessedAndNeverWorsensTheVerdict() {
        RuleResult r = new CommitmentsOverhangRule().evaluate(new YearOverYear(amazon(null, null, List.of(), null, null),
                yearAgo(null)), Thresholds.DEFAULTS);
        assertEquals(RuleOutcome.NOT_ASSESSED, r.outcome());
        assertFalse(r.assessed());
        assertEquals("Not assessed: no leases not yet commenced or purchase obligations are tagged for this quarter.", r.sentence());
        assertEquals(RuleOutcome.OK, RuleOutcome.NOT_ASSESSED.worst(RuleOutcome.OK));
        assertEquals(RuleOutcome.OK, RuleOutcome.OK.worst(RuleOutcome.NOT_ASSESSED));
        assertEquals(RuleOutcome.WATCH, RuleOutcome.NOT_ASSESSED.worst(RuleOutcome.WATCH));
        // No company-defined block at all (an older tracker): not assessed either.
        QuarterMetrics plain = AlphabetMetricsLike.plain();
        assertEquals(RuleOutcome.NOT_ASSESSED, new CommitmentsOverhangRule().evaluate(new YearOverYear(plain, plain),
                Thresholds.DEFAULTS).outcome());
    }

    @ParameterizedTest(name = "issued {0}, repaid {1} -> {2}")
    @CsvSource({
            // capex exceeds OCF by $10B in all of these
            "20000000000, 25000000000, OK",        // net -5B: repaying more than borrowing
            "20000000000, 20000000000, OK",        // net 0: a roll-over
            "20000000000, 19999999999, SLIPPING",  // net +$1
            "20000000000, , SLIPPING",             // repayments not reported: gross issuance
            ", , OK",                              // no issuance reported
    })
    void debtFundedBuildOutOnNetBorrowing(Long issued, Long repaid, RuleOutcome expected) {
        QuarterMetrics q = debt(140 * 1_000 * M, 130 * 1_000 * M, issued, repaid);
        RuleResult r = new DebtFundedBuildOutRule().evaluate(new YearOverYear(q, q), Thresholds.DEFAULTS);
        assertEquals(expected, r.outcome(), r.sentence());
        assertEquals(issued == null ? null : repaid == null ? issued : issued - repaid, r.inputs().get("ttmNetBorrowing"));
    }

    @Test
    void debtSentencesSayNetBorrowing() {
        RuleResult r = new DebtFundedBuildOutRule().evaluate(new YearOverYear(debt(140_000 * M, 130_000 * M, 20_000 * M, 15_000 * M),
                null), Thresholds.DEFAULTS);
        assertEquals("Capex exceeds operating cash flow by $10.0B with net borrowing of $5.0B ($20.0B issued, $15.0B repaid) "
                + "in the trailing twelve months.", r.sentence());
        RuleResult rollOver = new DebtFundedBuildOutRule().evaluate(new YearOverYear(debt(140_000 * M, 130_000 * M, 20_000 * M,
                20_000 * M), null), Thresholds.DEFAULTS);
        assertEquals("Capex exceeds operating cash flow by $10.0B, with net borrowing of $0 ($20.0B issued, $20.0B repaid) "
                + "in the trailing twelve months: not funded by new debt.", rollOver.sentence());
    }

    @ParameterizedTest(name = "{0} per dollar -> {1}")
    @CsvSource({"12.0874, $12.09", "0.7234, $0.72", "0.005, $0.00", "0.015, $0.02", "-0.05, -$0.05", "0, $0.00", "1, $1.00"})
    void returnsPerDollarReadAsAnAnalystWritesThem(String perDollar, String expected) {
        assertEquals(expected, Percent.dollars(new BigDecimal(perDollar)));
    }

    @Test
    void paybackSentence() {
        // OCF up $12.09 per capex dollar a year earlier: 0 + 12.0874 x 1B.
        QuarterMetrics now = debt(1_000 * M, 12_087_400_000L + 1_000 * M, null, null);
        QuarterMetrics ago = debt(1_000 * M, 1_000 * M, null, null);
        RuleResult r = new PaybackRule().evaluate(new YearOverYear(now, ago), Thresholds.DEFAULTS);
        assertEquals(new BigDecimal("12.0874"), r.inputs().get("incrementalReturn"));
        assertEquals("$12.09 of new operating cash flow per dollar of capex a year earlier (hurdle $0.10, on schedule from "
                + "$0.20).", r.sentence());
        assertTrue(r.assessed());
    }

    // --- figures ---

    private static CompanyDefinedMetrics.Measure exactCapex() {
        return new CompanyDefinedMetrics.Measure("capex", "Purchases of property and equipment, net of proceeds from sales and incentives",
                "Amazon.com Q3 2025 earnings release", null, "UNAVAILABLE", 115_903 * M, "EXACT", null, "twelve months as filed");
    }

    private static CompanyDefinedMetrics.Measure fcf(Long ttm) {
        return ttm == null ? null : new CompanyDefinedMetrics.Measure("fcf", "Free cash flow", "Amazon.com earnings release", null,
                "UNAVAILABLE", ttm, "EXACT", null, "twelve months as filed");
    }

    private static CompanyDefinedMetrics.Commitment commitment(String id, String name, long amount, boolean offBalanceSheet) {
        return new CompanyDefinedMetrics.Commitment(id, name, "10-K", "EXACT", amount, null, offBalanceSheet, name);
    }

    private static CompanyDefinedMetrics.Commitment noted(String id, String name, long amount, boolean offBalanceSheet,
                                                          String partOf, String note) {
        return new CompanyDefinedMetrics.Commitment(id, name, "10-K", "EXACT", amount, null, offBalanceSheet, name, partOf, note);
    }

    private static QuarterMetrics amazon(CompanyDefinedMetrics.Measure capex, CompanyDefinedMetrics.Measure fcf,
                                         List<CompanyDefinedMetrics.Commitment> commitments, Long offBalanceSheet,
                                         BigDecimal offBalanceSheetToOcf) {
        BigDecimal capexToOcf = capex == null ? null
                : BigDecimal.valueOf(capex.ttm()).divide(BigDecimal.valueOf(130_691 * M), 4, RoundingMode.HALF_EVEN);
        return metrics(LocalDate.parse("2025-09-30"), 130_691 * M, 120_131 * M, null, null,
                new CompanyDefinedMetrics(capex, fcf, capexToOcf, commitments, offBalanceSheet, offBalanceSheetToOcf, List.of()));
    }

    private static QuarterMetrics yearAgo(CompanyDefinedMetrics.Measure fcf) {
        return metrics(LocalDate.parse("2024-09-30"), 112_706 * M, 69_753 * M, null, null,
                new CompanyDefinedMetrics(null, fcf, null, List.of(), null, null, List.of()));
    }

    private static QuarterMetrics withTtmOcf(QuarterMetrics q, long ttmOcf) {
        return metrics(q.periodEnd(), ttmOcf, q.ttmCapex(), null, null, q.companyDefined());
    }

    private static QuarterMetrics debt(long ttmCapex, long ttmOcf, Long issued, Long repaid) {
        return metrics(LocalDate.parse("2025-09-30"), ttmOcf, ttmCapex, issued, repaid, null);
    }

    static QuarterMetrics metrics(LocalDate end, long ttmOcf, long ttmCapex, Long issued, Long repaid, CompanyDefinedMetrics own) {
        BigDecimal ratio = ttmOcf > 0 ? BigDecimal.valueOf(ttmCapex).divide(BigDecimal.valueOf(ttmOcf), 4, RoundingMode.HALF_EVEN) : null;
        ExtendedMetrics extended = new ExtendedMetrics(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, repaid, List.of());
        return new QuarterMetrics(end.getYear(), 3, end.withDayOfMonth(1).minusMonths(2), end, null, null, null, null,
                ttmOcf, ttmCapex, ttmOcf - ttmCapex, ratio, null, null, null, null, null, issued,
                new Filing("0001018724-25-000123", "10-Q", end.plusDays(31)), null, null, List.of(), extended, own);
    }

    /** Metrics from a producer without company-defined figures. */
    static final class AlphabetMetricsLike {
        static QuarterMetrics plain() {
            QuarterMetrics q = metrics(LocalDate.parse("2025-09-30"), 151_424 * M, 77_872 * M, null, null, null);
            assertNull(q.companyDefined());
            return q;
        }
    }
}
