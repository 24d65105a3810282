package io.capexwatch.tracker.metrics;

import io.capexwatch.contracts.messages.ExtendedMetrics;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.Provenance;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.contracts.messages.QuarterValue;
import io.capexwatch.tracker.AlphabetQuarters;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** FCF after leases, company-defined FCF, margins, buybacks, growth, backlog and the funding gap. */
class ExtendedMetricsTest {
    private static final long M = 1_000_000L;
    private static final Filing FILING = new Filing("0000000000-26-000001", "10-Q", LocalDate.parse("2026-04-30"));

    @Test
    void alphabetToMarch2026FromItsPublishedQuarters() {
        // TTM to 2026-03-31: revenue $422,499M (a year earlier $359,713M), OCF $174,353M ($132,601M),
        // capex $109,924M ($57,720M), FCF $64,429M ($74,881M), D&A $23,131M ($16,385M).
        ExtendedMetrics e = at(MetricsCalculator.compute(AlphabetQuarters.quarters()), "2026-03-31");
        assertEquals(new BigDecimal("0.1525"), e.ttmFcfMargin());
        assertEquals(new BigDecimal("0.2602"), e.ttmCapexToRevenue());
        assertEquals(new BigDecimal("0.0547"), e.ttmDaToRevenue());
        assertEquals(new BigDecimal("0.1745"), e.ttmRevenueGrowth());
        assertEquals(new BigDecimal("0.3149"), e.ttmOcfGrowth());
        assertEquals(new BigDecimal("0.9044"), e.ttmCapexGrowth());
        assertEquals(new BigDecimal("0.4117"), e.ttmDaGrowth());
        assertEquals(new BigDecimal("-0.1396"), e.ttmFcfGrowth());
        assertEquals(0L, e.ttmFundingGap());
        // Not in this test series: leases, proceeds, buybacks. Nothing is invented, each gap is flagged.
        assertNull(e.ttmFcfAfterFinanceLeases());
        assertNull(e.ttmCompanyFcf());
        assertNull(e.ttmBuybacksToFcf());
        assertEquals(List.of("MISSING_FINANCE_LEASES", "MISSING_PROPERTY_SALE_PROCEEDS", "MISSING_BUYBACKS"), e.flags());
    }

    @Test
    void leasesProceedsAndBuybacksWhereReported() {
        List<FiscalQuarterFundamentals> quarters = AlphabetQuarters.quarters().stream().map(q -> with(q, Map.of(
                FundamentalMetric.FINANCE_LEASE_PRINCIPAL_PAYMENTS, 100 * M,
                FundamentalMetric.PROCEEDS_FROM_PROPERTY_SALES, 50 * M,
                FundamentalMetric.SHARE_BUYBACKS, 15_000 * M))).toList();
        ExtendedMetrics e = at(MetricsCalculator.compute(quarters), "2026-03-31");
        assertEquals(400 * M, e.ttmFinanceLeasePrincipal());
        assertEquals(64_029 * M, e.ttmFcfAfterFinanceLeases());
        assertEquals(200 * M, e.ttmProceedsFromPropertySales());
        assertEquals(64_629 * M, e.ttmCompanyFcf());
        assertEquals(60_000 * M, e.ttmBuybacks());
        assertEquals(new BigDecimal("0.9313"), e.ttmBuybacksToFcf());
        assertEquals(List.of(), e.flags());
    }

    @Test
    void capexAboveCashFlowIsAFundingGapAndNoBuybackRatio() {
        List<FiscalQuarterFundamentals> quarters = List.of(
                        quarter("2025-03-31", 10, 15), quarter("2025-06-30", 10, 15), quarter("2025-09-30", 10, 15),
                        quarter("2025-12-31", 10, 15)).stream()
                .map(q -> with(q, Map.of(FundamentalMetric.SHARE_BUYBACKS, 1 * M))).toList();
        ExtendedMetrics e = at(MetricsCalculator.compute(quarters), "2025-12-31");
        assertEquals(20 * M, e.ttmFundingGap());
        assertNull(e.ttmBuybacksToFcf());
        assertNull(e.ttmFcfMargin());
        assertEquals(List.of("MISSING_FINANCE_LEASES", "MISSING_PROPERTY_SALE_PROCEEDS", "MISSING_REVENUE",
                "TTM_FCF_NOT_POSITIVE", "NO_YEAR_AGO_QUARTER"), e.flags());
    }

    @Test
    void backlogGrowthComparesTheBalanceAYearApart() {
        List<FiscalQuarterFundamentals> quarters = AlphabetQuarters.quarters().stream().map(q -> with(q, Map.of(
                FundamentalMetric.REMAINING_PERFORMANCE_OBLIGATIONS,
                q.periodEnd().getYear() == 2026 ? 240_000 * M : q.periodEnd().getYear() == 2025 ? 160_000 * M : 100_000 * M)))
                .toList();
        ExtendedMetrics e = at(MetricsCalculator.compute(quarters), "2026-03-31");
        assertEquals(240_000 * M, e.remainingPerformanceObligations());
        assertEquals(new BigDecimal("0.5000"), e.rpoGrowth());
    }

    private static FiscalQuarterFundamentals with(FiscalQuarterFundamentals q, Map<FundamentalMetric, Long> extra) {
        Map<FundamentalMetric, QuarterValue> values = new EnumMap<>(q.values());
        extra.forEach((metric, usd) -> values.put(metric, new QuarterValue(usd,
                new Provenance("Test" + metric, FILING, Provenance.REPORTED, List.of(), List.of()))));
        return new FiscalQuarterFundamentals(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), q.periodEnd(), values);
    }

    private static FiscalQuarterFundamentals quarter(String end, long ocfMillions, long capexMillions) {
        return AlphabetQuarters.quarter(LocalDate.parse(end), ocfMillions * M, capexMillions * M, FILING);
    }

    private static ExtendedMetrics at(List<QuarterMetrics> series, String end) {
        return series.stream().filter(q -> q.periodEnd().equals(LocalDate.parse(end))).findFirst().orElseThrow().extended();
    }
}
