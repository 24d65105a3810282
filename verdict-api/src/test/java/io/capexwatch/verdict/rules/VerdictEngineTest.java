package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.verdict.AlphabetMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictEngineTest {
    private static final LocalDate NOW = LocalDate.parse("2026-03-31");
    private static final LocalDate YEAR_AGO = LocalDate.parse("2025-03-31");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2025-03-31, ON_SCHEDULE",
            "2025-06-30, ON_SCHEDULE",
            "2025-09-30, ON_SCHEDULE",
            "2025-12-31, ON_SCHEDULE",
            "2026-03-31, WATCH",
    })
    void alphabetQuarterByQuarter(LocalDate end, VerdictState expected) {
        List<QuarterMetrics> upTo = AlphabetMetrics.quarters().stream().filter(q -> !q.periodEnd().isAfter(end)).toList();
        assertEquals(expected, VerdictEngine.evaluate(upTo, Thresholds.DEFAULTS).state());
    }

    @Test
    void alphabet2026Q1IsWatchOnCapexIntensityAlone() {
        VerdictEngine.Evaluation evaluation = VerdictEngine.evaluate(AlphabetMetrics.quarters(), Thresholds.DEFAULTS);
        RuleResult intensity = evaluation.rules().get(0);
        assertEquals(CapexIntensityRule.NAME, intensity.rule());
        assertEquals(RuleOutcome.WATCH, intensity.outcome());
        assertEquals(new BigDecimal("0.6305"), intensity.inputs().get("ttmCapexToOcf"));
        assertEquals("TTM capex is 63% of TTM operating cash flow (watch at 60%, slipping at 85%).", intensity.sentence());
        RuleResult fcf = evaluation.rules().get(1);
        assertEquals(RuleOutcome.OK, fcf.outcome());
        assertEquals(64_429_000_000L, fcf.inputs().get("ttmFcf"));
        assertEquals(74_881_000_000L, fcf.inputs().get("ttmFcfYearAgo"));
        assertEquals(new BigDecimal("-0.1396"), fcf.inputs().get("yearOverYearChange"));
        assertEquals("TTM free cash flow of $64.4B is down 14% year over year (watch when down more than 25%).", fcf.sentence());
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
        RuleResult result = new CapexIntensityRule().evaluate(pair(ttmOcf, ttmCapex, 1_000), Thresholds.DEFAULTS);
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
        // OCF fixed at 100,000; capex set so that FCF is what the row says.
        YearOverYear quarters = new YearOverYear(metrics(NOW, 100_000, 100_000 - ttmFcf),
                metrics(YEAR_AGO, 100_000, 100_000 - ttmFcfYearAgo));
        assertEquals(expected, new FreeCashFlowTrendRule().evaluate(quarters, Thresholds.DEFAULTS).outcome());
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
        Thresholds strict = new Thresholds(new BigDecimal("0.40"), new BigDecimal("0.60"), new BigDecimal("0.25"));
        assertEquals(VerdictState.SLIPPING, VerdictEngine.evaluate(AlphabetMetrics.quarters(), strict).state());
    }

    /** Raising capex with everything else equal never improves the verdict. */
    @Test
    void moreCapexNeverImprovesTheVerdict() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long ocf = random.nextLong(-50_000, 200_000);
            long capex = random.nextLong(0, 200_000);
            long ocfYearAgo = random.nextLong(-50_000, 200_000);
            long capexYearAgo = random.nextLong(0, 200_000);
            long more = capex + random.nextLong(1, 50_000);
            VerdictState before = evaluate(ocf, capex, ocfYearAgo, capexYearAgo);
            VerdictState after = evaluate(ocf, more, ocfYearAgo, capexYearAgo);
            assertTrue(after.compareTo(before) >= 0,
                    "capex " + capex + " -> " + more + " improved " + before + " to " + after);
        }
    }

    private static VerdictState evaluate(long ocf, long capex, long ocfYearAgo, long capexYearAgo) {
        return VerdictEngine.evaluate(List.of(metrics(YEAR_AGO, ocfYearAgo, capexYearAgo), metrics(NOW, ocf, capex)),
                Thresholds.DEFAULTS).state();
    }

    private static YearOverYear pair(long ttmOcf, long ttmCapex, long ttmFcfYearAgo) {
        return new YearOverYear(metrics(NOW, ttmOcf, ttmCapex), metrics(YEAR_AGO, ttmFcfYearAgo, 0));
    }

    private static QuarterMetrics metrics(LocalDate end, long ttmOcf, long ttmCapex) {
        return AlphabetMetrics.quarter(end, ttmOcf / 4, ttmCapex / 4, ttmOcf, ttmCapex, "0000000000-26-000001");
    }

    private static QuarterMetrics withoutTtm(QuarterMetrics q) {
        return AlphabetMetrics.quarter(q.periodEnd(), q.ocf(), q.capex(), null, null, q.latestFiling().accession());
    }

}
