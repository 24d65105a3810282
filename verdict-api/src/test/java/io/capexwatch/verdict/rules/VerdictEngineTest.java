package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.verdict.AlphabetMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictEngineTest {
    private static final LocalDate NOW = LocalDate.parse("2026-03-31");
    private static final LocalDate YEAR_AGO = LocalDate.parse("2025-03-31");

    /** Alphabet quarter by quarter: which rules say WATCH (none says SLIPPING). */
    @ParameterizedTest(name = "{0}: {1} [{2}]")
    @CsvSource(delimiter = '|', value = {
            "2025-03-31 | WATCH | depreciation-drag",
            "2025-06-30 | WATCH | depreciation-drag",
            "2025-09-30 | WATCH | depreciation-drag",
            "2025-12-31 | WATCH | monetization-pace depreciation-drag",
            "2026-03-31 | WATCH | capex-intensity monetization-pace depreciation-drag",
    })
    void alphabetQuarterByQuarter(LocalDate end, VerdictState expected, String watching) {
        List<QuarterMetrics> upTo = AlphabetMetrics.quarters().stream().filter(q -> !q.periodEnd().isAfter(end)).toList();
        VerdictEngine.Evaluation evaluation = VerdictEngine.evaluate(upTo, Thresholds.DEFAULTS);
        assertEquals(expected, evaluation.state());
        assertEquals(8, evaluation.rules().size());
        assertEquals(watching, evaluation.rules().stream()
                .filter(r -> r.outcome() != RuleOutcome.OK && r.outcome() != RuleOutcome.NOT_ASSESSED)
                .map(RuleResult::rule).collect(Collectors.joining(" ")));
    }

    @Test
    void alphabet2026Q1RulesExplainThemselves() {
        Map<String, RuleResult> rules = VerdictEngine.evaluate(AlphabetMetrics.quarters(), Thresholds.DEFAULTS).rules()
                .stream().collect(Collectors.toMap(RuleResult::rule, r -> r));
        RuleResult intensity = rules.get(CapexIntensityRule.NAME);
        assertEquals(new BigDecimal("0.6305"), intensity.inputs().get("ttmCapexToOcf"));
        assertEquals("TTM capex is 63% of TTM operating cash flow (watch at 60%, slipping at 85%).", intensity.sentence());
        RuleResult fcf = rules.get(FreeCashFlowTrendRule.NAME);
        assertEquals(64_429_000_000L, fcf.inputs().get("ttmFcf"));
        assertEquals(new BigDecimal("-0.1396"), fcf.inputs().get("yearOverYearChange"));
        assertEquals("TTM free cash flow of $64.4B is down 14% year over year (watch when down more than 25%).", fcf.sentence());
        RuleResult cash = rules.get(CashEngineRule.NAME);
        assertEquals(new BigDecimal("0.3149"), cash.inputs().get("yearOverYearGrowth"));
        RuleResult pace = rules.get(MonetizationPaceRule.NAME);
        assertEquals(new BigDecimal("0.9044"), pace.inputs().get("ttmCapexGrowth"));
        assertEquals(new BigDecimal("0.1745"), pace.inputs().get("ttmRevenueGrowth"));
        assertEquals(new BigDecimal("0.7299"), pace.inputs().get("gap"));
        assertEquals(new BigDecimal("0.5898"), pace.inputs().get("gapPreviousQuarter"));
        assertEquals("TTM capex growth exceeds TTM revenue growth by 73 points (59 points the quarter before); "
                + "watch above 40 points two quarters running.", pace.sentence());
        RuleResult payback = rules.get(PaybackRule.NAME);
        assertEquals(new BigDecimal("0.7234"), payback.inputs().get("incrementalReturn"));
        assertEquals("$0.72 of new operating cash flow per dollar of capex a year earlier "
                + "(hurdle $0.10, on schedule from $0.20).", payback.sentence());
        RuleResult drag = rules.get(DepreciationDragRule.NAME);
        assertEquals(new BigDecimal("0.4117"), drag.inputs().get("ttmDepreciationAndAmortizationGrowth"));
        assertEquals(new BigDecimal("0.2372"), drag.inputs().get("gap"));
        RuleResult debt = rules.get(DebtFundedBuildOutRule.NAME);
        assertEquals(RuleOutcome.OK, debt.outcome());
        assertEquals(0L, debt.inputs().get("fundingGap"));
    }

    @ParameterizedTest(name = "capex/OCF {0}/{1} -> {2}")
    @CsvSource({
            "5999, 10000, OK",
            "6000, 10000, WATCH",
            "8499, 10000, WATCH",
            "8500, 10000, SLIPPING",
            "20000, 10000, SLIPPING",
            "1, 0, SLIPPING",
            "1, -5, SLIPPING",
    })
    void capexIntensityAtItsBoundaries(long ttmCapex, long ttmOcf, RuleOutcome expected) {
        RuleResult result = new CapexIntensityRule().evaluate(pair(ttmOcf, ttmCapex, 1_000, 0), Thresholds.DEFAULTS);
        assertEquals(expected, result.outcome());
    }

    @ParameterizedTest(name = "FCF {0} vs {1} a year ago -> {2}")
    @CsvSource({
            "7500, 10000, OK",
            "7499, 10000, WATCH",
            "1, 10000, WATCH",
            "0, 10000, SLIPPING",
            "-1, 10000, SLIPPING",
            "10, -500, OK",
            "20000, 10000, OK",
    })
    void freeCashFlowTrendAtItsBoundaries(long ttmFcf, long ttmFcfYearAgo, RuleOutcome expected) {
        YearOverYear quarters = new YearOverYear(metrics(NOW, 100_000, 100_000 - ttmFcf),
                metrics(YEAR_AGO, 100_000, 100_000 - ttmFcfYearAgo));
        assertEquals(expected, new FreeCashFlowTrendRule().evaluate(quarters, Thresholds.DEFAULTS).outcome());
    }

    @ParameterizedTest(name = "OCF {0} vs {1} -> {2}")
    @CsvSource({
            "10000, 10000, OK",
            "9999, 10000, WATCH",
            "9000, 10000, WATCH",
            "8999, 10000, SLIPPING",
            "5, -10, OK",
            "-5, -10, SLIPPING",
    })
    void cashEngineAtItsBoundaries(long ttmOcf, long ttmOcfYearAgo, RuleOutcome expected) {
        YearOverYear quarters = new YearOverYear(metrics(NOW, ttmOcf, 0), metrics(YEAR_AGO, ttmOcfYearAgo, 0));
        assertEquals(expected, new CashEngineRule().evaluate(quarters, Thresholds.DEFAULTS).outcome());
    }

    @ParameterizedTest(name = "OCF gain {0} on capex {1} -> {2}")
    @CsvSource({
            "2000, 10000, OK",
            "1999, 10000, WATCH",
            "1000, 10000, WATCH",
            "999, 10000, SLIPPING",
            "-500, 10000, SLIPPING",
            "100, 0, NOT_ASSESSED", // no capex a year earlier to pay back
    })
    void paybackAtItsBoundaries(long ocfGain, long ttmCapexYearAgo, RuleOutcome expected) {
        YearOverYear quarters = new YearOverYear(metrics(NOW, 50_000 + ocfGain, 0), metrics(YEAR_AGO, 50_000, ttmCapexYearAgo));
        assertEquals(expected, new PaybackRule().evaluate(quarters, Thresholds.DEFAULTS).outcome());
    }

    @ParameterizedTest(name = "capex +{0}/+{1} revenue +{2}/+{3} -> {4}")
    @CsvSource({
            "14001, 14001, 10000, 10000, WATCH",
            "14000, 14001, 10000, 10000, OK",
            "14001, 14000, 10000, 10000, OK",
            "20000, 20000, 16001, 16001, OK",
    })
    void monetizationPaceNeedsTwoQuartersRunningAboveTheGap(long capexNow, long capexPrevious, long revenueNow,
                                                            long revenuePrevious, RuleOutcome expected) {
        // Growth in basis points over a year-ago base of 10,000: capex 14001 is +40.01%, revenue 10000 is +0%.
        YearOverYear quarters = new YearOverYear(
                withRevenue(metrics(NOW, 100_000, capexNow), revenueNow), withRevenue(metrics(YEAR_AGO, 100_000, 10_000), 10_000),
                withRevenue(metrics(NOW.minusMonths(3), 100_000, capexPrevious), revenuePrevious),
                withRevenue(metrics(YEAR_AGO.minusMonths(3), 100_000, 10_000), 10_000));
        assertEquals(expected, new MonetizationPaceRule().evaluate(quarters, Thresholds.DEFAULTS).outcome());
    }

    @ParameterizedTest(name = "D&A {0} revenue {1} -> {2}")
    @CsvSource({
            "11501, 10000, WATCH",
            "11500, 10000, OK",
            "13000, 11500, OK",
    })
    void depreciationDragAtItsBoundaries(long daNow, long revenueNow, RuleOutcome expected) {
        YearOverYear quarters = new YearOverYear(
                AlphabetMetrics.withRevenueAndDepreciation(metrics(NOW, 100, 0), null, revenueNow, null, daNow),
                AlphabetMetrics.withRevenueAndDepreciation(metrics(YEAR_AGO, 100, 0), null, 10_000L, null, 10_000L));
        assertEquals(expected, new DepreciationDragRule().evaluate(quarters, Thresholds.DEFAULTS).outcome());
    }

    @ParameterizedTest(name = "capex {0} OCF {1} debt {2} -> {3}")
    @CsvSource({
            "100, 100, 50, OK",
            "101, 100, 50, SLIPPING",
            "101, 100, 0, OK",
            "101, 100, , OK",
    })
    void debtFundedBuildOut(long ttmCapex, long ttmOcf, Long ttmDebtIssued, RuleOutcome expected) {
        YearOverYear quarters = new YearOverYear(AlphabetMetrics.withDebtIssued(metrics(NOW, ttmOcf, ttmCapex), ttmDebtIssued),
                metrics(YEAR_AGO, ttmOcf, ttmCapex));
        assertEquals(expected, new DebtFundedBuildOutRule().evaluate(quarters, Thresholds.DEFAULTS).outcome());
    }

    @Test
    void lessThanEightQuartersIsInsufficientData() {
        List<QuarterMetrics> seven = AlphabetMetrics.quarters().subList(2, 9).stream()
                .map(q -> q.periodEnd().equals(YEAR_AGO) ? withoutTtm(q) : q).toList();
        VerdictEngine.Evaluation evaluation = VerdictEngine.evaluate(seven, Thresholds.DEFAULTS);
        assertEquals(VerdictState.INSUFFICIENT_DATA, evaluation.state());
        assertTrue(evaluation.rules().isEmpty());
        assertTrue(evaluation.insufficientReason().contains("FY2026 Q1"));
        assertEquals(VerdictState.INSUFFICIENT_DATA, VerdictEngine.evaluate(List.of(), Thresholds.DEFAULTS).state());
        assertNull(VerdictEngine.evaluate(List.of(), Thresholds.DEFAULTS).latest());
    }

    @Test
    void thresholdsComeFromConfiguration() {
        Thresholds strict = new Thresholds(new BigDecimal("0.40"), new BigDecimal("0.60"), new BigDecimal("0.25"),
                BigDecimal.ZERO, new BigDecimal("-0.10"), new BigDecimal("0.40"), new BigDecimal("0.10"), new BigDecimal("0.15"),
                new BigDecimal("1.00"), new BigDecimal("3.00"));
        assertEquals(VerdictState.SLIPPING, VerdictEngine.evaluate(AlphabetMetrics.quarters(), strict).state());
    }

    /** Raising capex with everything else equal never improves the verdict. */
    @Test
    void moreCapexNeverImprovesTheVerdict() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long ocf = random.nextLong(-50_000, 200_000);
            long capex = random.nextLong(0, 200_000);
            long ocfYearAgo = random.nextLong(-50_000, 200_000);
            long capexYearAgo = random.nextLong(0, 200_000);
            long revenue = random.nextLong(1, 400_000);
            long revenueYearAgo = random.nextLong(1, 400_000);
            Long debt = random.nextBoolean() ? null : random.nextLong(0, 50_000);
            long more = capex + random.nextLong(1, 50_000);
            VerdictState before = evaluate(ocf, capex, ocfYearAgo, capexYearAgo, revenue, revenueYearAgo, debt);
            VerdictState after = evaluate(ocf, more, ocfYearAgo, capexYearAgo, revenue, revenueYearAgo, debt);
            assertTrue(after.compareTo(before) >= 0, "capex " + capex + " -> " + more + " improved " + before + " to " + after);
        }
    }

    private static VerdictState evaluate(long ocf, long capex, long ocfYearAgo, long capexYearAgo, long revenue,
                                         long revenueYearAgo, Long debt) {
        QuarterMetrics yearAgo = withRevenue(metrics(YEAR_AGO, ocfYearAgo, capexYearAgo), revenueYearAgo);
        QuarterMetrics now = AlphabetMetrics.withDebtIssued(withRevenue(metrics(NOW, ocf, capex), revenue), debt);
        return VerdictEngine.evaluate(List.of(yearAgo, now), Thresholds.DEFAULTS).state();
    }

    private static YearOverYear pair(long ttmOcf, long ttmCapex, long ocfYearAgo, long capexYearAgo) {
        return new YearOverYear(metrics(NOW, ttmOcf, ttmCapex), metrics(YEAR_AGO, ocfYearAgo, capexYearAgo));
    }

    private static QuarterMetrics metrics(LocalDate end, long ttmOcf, long ttmCapex) {
        return AlphabetMetrics.quarter(end, ttmOcf / 4, ttmCapex / 4, ttmOcf, ttmCapex, "0000000000-26-000001");
    }

    private static QuarterMetrics withRevenue(QuarterMetrics q, long ttmRevenue) {
        return AlphabetMetrics.withRevenueAndDepreciation(q, null, ttmRevenue, null, null);
    }

    private static QuarterMetrics withoutTtm(QuarterMetrics q) {
        return AlphabetMetrics.quarter(q.periodEnd(), q.ocf(), q.capex(), null, null, q.latestFiling().accession());
    }

    @Test
    void rulesWithoutTheirInputsSayNotAssessedInsteadOfPassingSilently() {
        // Only cash flows, no revenue or depreciation, no commitments: four rules cannot be assessed, four can.
        List<QuarterMetrics> cashOnly = AlphabetMetrics.quarters().stream()
                .map(q -> AlphabetMetrics.withRevenueAndDepreciation(q, null, null, null, null)).toList();
        VerdictEngine.Evaluation evaluation = VerdictEngine.evaluate(cashOnly, Thresholds.DEFAULTS);
        Map<String, Boolean> assessed = evaluation.rules().stream()
                .collect(Collectors.toMap(RuleResult::rule, RuleResult::assessed));
        assertEquals(Map.of("capex-intensity", true, "free-cash-flow", true, "cash-engine", true,
                "monetization-pace", false, "payback", true, "depreciation-drag", false, "debt-funded-build-out", true,
                "commitments-overhang", false), assessed);
        RuleResult monetization = evaluation.rules().stream().filter(r -> r.rule().equals("monetization-pace")).findFirst().orElseThrow();
        assertEquals(RuleOutcome.NOT_ASSESSED, monetization.outcome());
        assertEquals("Not assessed: TTM revenue or capex growth is not available.", monetization.sentence());
    }
}
