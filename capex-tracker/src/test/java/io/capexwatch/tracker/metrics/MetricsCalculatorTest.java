package io.capexwatch.tracker.metrics;

import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.tracker.AlphabetQuarters;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsCalculatorTest {
    private static final Filing FILING = new Filing("0000000000-26-000001", "10-Q", LocalDate.parse("2026-04-30"));

    @Test
    void alphabetQuarterEnded2025_09_30() {
        QuarterMetrics q = byEnd(MetricsCalculator.compute(AlphabetQuarters.quarters()), "2025-09-30");
        assertEquals(48_414_000_000L, q.ocf());
        assertEquals(23_953_000_000L, q.capex());
        assertEquals(24_461_000_000L, q.fcf());
        assertEquals(new BigDecimal("0.4948"), q.capexToOcf());
        assertEquals(151_424_000_000L, q.ttmOcf());
        assertEquals(77_872_000_000L, q.ttmCapex());
        assertEquals(73_552_000_000L, q.ttmFcf());
        assertEquals(new BigDecimal("0.5143"), q.ttmCapexToOcf());
        assertEquals("0001652044-25-000091", q.latestFiling().accession());
        assertEquals(List.of(), q.flags());
        assertEquals(102_346_000_000L, q.revenue());
        assertEquals(385_477_000_000L, q.ttmRevenue());
        assertEquals(5_611_000_000L, q.depreciationAndAmortization());
        assertEquals(19_301_000_000L, q.ttmDepreciationAndAmortization());
        assertNull(q.debtIssued());
        assertNull(q.ttmDebtIssued());
    }

    @Test
    void ttmNeedsFourQuartersSoTheFirstThreeHaveNone() {
        List<QuarterMetrics> series = MetricsCalculator.compute(AlphabetQuarters.quarters());
        for (int i = 0; i < 3; i++) {
            assertNull(series.get(i).ttmOcf());
            assertNull(series.get(i).ttmFcf());
            assertTrue(series.get(i).flags().contains(MetricsCalculator.TTM_INCOMPLETE));
        }
        assertEquals(125_299_000_000L, series.get(3).ttmOcf());
        assertEquals(72_764_000_000L, series.get(3).ttmFcf());
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<FiscalQuarterFundamentals> shuffled = new ArrayList<>(AlphabetQuarters.quarters());
        Collections.reverse(shuffled);
        assertEquals(MetricsCalculator.compute(AlphabetQuarters.quarters()), MetricsCalculator.compute(shuffled));
    }

    @Test
    void aMissingQuarterBreaksTheTtmInsteadOfSpanningFifteenMonths() {
        List<FiscalQuarterFundamentals> gap = new ArrayList<>(AlphabetQuarters.quarters());
        gap.removeIf(q -> q.periodEnd().equals(LocalDate.parse("2025-03-31")));
        QuarterMetrics q = byEnd(MetricsCalculator.compute(gap), "2025-09-30");
        assertNull(q.ttmOcf());
        assertNull(q.ttmCapexToOcf());
        assertTrue(q.flags().contains(MetricsCalculator.TTM_INCOMPLETE));
        assertEquals(24_461_000_000L, q.fcf());
    }

    @Test
    void zeroOrNegativeOperatingCashFlowLeavesTheRatioEmptyAndFlagged() {
        QuarterMetrics zero = single(0, 5);
        assertNull(zero.capexToOcf());
        assertEquals(-5L, zero.fcf());
        assertTrue(zero.flags().contains(MetricsCalculator.OCF_NOT_POSITIVE));

        QuarterMetrics negative = single(-10, 5);
        assertNull(negative.capexToOcf());
        assertEquals(-15L, negative.fcf());
        assertTrue(negative.flags().contains(MetricsCalculator.OCF_NOT_POSITIVE));
    }

    @Test
    void ratiosRoundHalfEvenToFourDecimals() {
        assertEquals(new BigDecimal("0.3333"), single(3, 1).capexToOcf());
        assertEquals(new BigDecimal("0.6667"), single(3, 2).capexToOcf());
        assertEquals(new BigDecimal("0.0000"), single(3, 0).capexToOcf());
        assertEquals(new BigDecimal("2.0000"), single(1, 2).capexToOcf());
    }

    @Test
    void aMissingInputLeavesDependentMetricsEmptyAndFlagged() {
        LocalDate end = LocalDate.parse("2026-03-31");
        FiscalQuarterFundamentals full = AlphabetQuarters.quarter(end, 10, 4, FILING);
        FiscalQuarterFundamentals onlyOcf = new FiscalQuarterFundamentals(2026, 1, full.periodStart(), end,
                Map.of(FundamentalMetric.OPERATING_CASH_FLOW, full.values().get(FundamentalMetric.OPERATING_CASH_FLOW)));
        QuarterMetrics q = MetricsCalculator.compute(List.of(onlyOcf)).getFirst();
        assertEquals(10L, q.ocf());
        assertNull(q.capex());
        assertNull(q.fcf());
        assertNull(q.capexToOcf());
        assertTrue(q.flags().contains(MetricsCalculator.MISSING_CAPEX));
    }

    @Test
    void inputFlagsCarryOverToTheMetrics() {
        LocalDate end = LocalDate.parse("2026-03-31");
        FiscalQuarterFundamentals q = AlphabetQuarters.quarter(end, 10, 4, FILING);
        var capex = q.values().get(FundamentalMetric.CAPEX);
        var flagged = new io.capexwatch.contracts.messages.QuarterValue(-4, new io.capexwatch.contracts.messages.Provenance(
                capex.provenance().concept(), FILING, "FY-9M", List.of(), List.of("NEGATIVE_DERIVED_VALUE")));
        FiscalQuarterFundamentals withFlag = new FiscalQuarterFundamentals(2026, 1, q.periodStart(), end, Map.of(
                FundamentalMetric.OPERATING_CASH_FLOW, q.values().get(FundamentalMetric.OPERATING_CASH_FLOW),
                FundamentalMetric.CAPEX, flagged));
        assertTrue(MetricsCalculator.compute(List.of(withFlag)).getFirst().flags().contains("NEGATIVE_DERIVED_VALUE"));
    }

    private static QuarterMetrics single(long ocf, long capex) {
        return MetricsCalculator.compute(List.of(AlphabetQuarters.quarter(LocalDate.parse("2026-03-31"), ocf, capex, FILING))).getFirst();
    }

    private static QuarterMetrics byEnd(List<QuarterMetrics> series, String end) {
        return series.stream().filter(q -> q.periodEnd().equals(LocalDate.parse(end))).findFirst().orElseThrow();
    }
}
