package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.verdict.AlphabetMetrics;
import io.capexwatch.verdict.rules.Milestone.Comparison;
import io.capexwatch.verdict.rules.Milestone.Metric;
import io.capexwatch.verdict.rules.MilestoneResult.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Milestones on Alphabet's quarters to 2026 Q1. TTM capex/OCF over the last four quarters: 0.5009,
 * 0.5143, 0.5552, 0.6305 (least-squares slope 0.04297 a quarter); TTM OCF $133.7B, $151.4B, $164.7B, $174.4B.
 */
class MilestoneEvaluatorTest {
    private static final List<QuarterMetrics> ALPHABET = AlphabetMetrics.quarters();

    @ParameterizedTest(name = "{0} {1} {2} by FY{3} Q{4}: {5}")
    @CsvSource({
            // already met before the deadline
            "TTM_CAPEX_TO_OCF, AT_MOST, 0.75, 2026, 4, MET, 0.6305, ",
            "TTM_FCF, ABOVE, 0, 2026, 4, MET, 64429000000, ",
            // not met yet: the trend decides (0.5502 + 0.04297 x 4.5 = 0.7436 at FY2026 Q4)
            "TTM_CAPEX_TO_OCF, AT_MOST, 0.60, 2026, 4, AT_RISK, 0.6305, 0.7436",
            "TTM_CAPEX_TO_OCF, AT_LEAST, 0.70, 2026, 4, ON_TRACK, 0.6305, 0.7436",
            "TTM_OCF, AT_LEAST, 200000000000, 2026, 4, ON_TRACK, 174353000000, 216900300000",
            "TTM_OCF, AT_LEAST, 200000000000, 2026, 2, AT_RISK, 174353000000, 189855500000",
            // the deadline quarter is reported: its value decides for good
            "TTM_CAPEX_TO_OCF, AT_MOST, 0.50, 2025, 3, MISSED, 0.5143, ",
            "TTM_CAPEX_TO_OCF, BELOW, 0.52, 2025, 3, MET, 0.5143, ",
    })
    void statusValueAndProjection(Metric metric, Comparison comparison, BigDecimal target, int fy, int fq, Status status,
                                  BigDecimal value, BigDecimal projected) {
        MilestoneResult result = MilestoneEvaluator.evaluate(List.of(new Milestone(metric, comparison, target, fy, fq)), ALPHABET).getFirst();
        assertEquals(status, result.status(), result.sentence());
        assertEquals(0, value.compareTo(result.value()), "value " + result.value());
        if (projected == null) {
            assertNull(result.projected());
        } else {
            assertEquals(0, projected.compareTo(result.projected()), "projected " + result.projected());
        }
    }

    @Test
    void sentencesSayWhy() {
        List<MilestoneResult> results = MilestoneEvaluator.evaluate(List.of(
                new Milestone(Metric.TTM_CAPEX_TO_OCF, Comparison.AT_MOST, new BigDecimal("0.60"), 2026, 4),
                new Milestone(Metric.TTM_CAPEX_TO_OCF, Comparison.AT_MOST, new BigDecimal("0.50"), 2025, 3)), ALPHABET);
        assertEquals("TTM_CAPEX_TO_OCF <= 0.60 by FY2026 Q4: 0.6305 now; the last four quarters' trend gives 0.7436 by the "
                + "deadline, short of the target.", results.get(0).sentence());
        assertEquals("TTM_CAPEX_TO_OCF <= 0.50 by FY2025 Q3: missed with 0.5143.", results.get(1).sentence());
    }

    @Test
    void aMetricThatIsNotReportedCannotBeJudged() {
        List<QuarterMetrics> noRevenue = ALPHABET.stream()
                .map(q -> AlphabetMetrics.withRevenueAndDepreciation(q, null, null, null, null)).toList();
        MilestoneResult result = MilestoneEvaluator.evaluate(List.of(
                new Milestone(Metric.TTM_REVENUE, Comparison.AT_LEAST, new BigDecimal("500000000000"), 2026, 4)), noRevenue).getFirst();
        assertEquals(Status.NOT_ASSESSED, result.status());
    }

    @Test
    void aMissedMilestoneMakesAnOnScheduleVerdictWatch() {
        Thresholds lenient = new Thresholds(new BigDecimal("0.90"), new BigDecimal("0.95"), new BigDecimal("0.25"),
                new BigDecimal("0.00"), new BigDecimal("-0.10"), new BigDecimal("5"), new BigDecimal("0.10"), new BigDecimal("5"),
                new BigDecimal("1.00"), new BigDecimal("3.00"));
        assertEquals(VerdictState.ON_SCHEDULE, VerdictEngine.evaluate(ALPHABET, lenient).state());
        VerdictEngine.Evaluation missed = VerdictEngine.evaluate(ALPHABET, lenient,
                List.of(new Milestone(Metric.TTM_CAPEX_TO_OCF, Comparison.AT_MOST, new BigDecimal("0.50"), 2025, 3)));
        assertEquals(VerdictState.WATCH, missed.state());
        assertEquals(Status.MISSED, missed.milestones().getFirst().status());
        // At risk alone does not change the verdict: only a missed milestone does.
        assertEquals(VerdictState.ON_SCHEDULE, VerdictEngine.evaluate(ALPHABET, lenient,
                List.of(new Milestone(Metric.TTM_CAPEX_TO_OCF, Comparison.AT_MOST, new BigDecimal("0.60"), 2026, 4))).state());
    }
}
