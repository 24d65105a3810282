package io.capexwatch.tracker.metrics;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.CompanyMeasure;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.tracker.AlphabetQuarters;
import io.capexwatch.tracker.AmazonQuarters;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.capexwatch.tracker.AmazonQuarters.M;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Company-defined capex and FCF beside the standard ones, and commitments against TTM operating cash flow. */
class CompanyDefinedMetricsTest {

    @Test
    void amazonsOwnFreeCashFlowBesideTheStandardOne() {
        QuarterMetrics q3 = MetricsCalculator.compute(AmazonQuarters.quarters(List.of())).getLast();
        assertEquals(130_691 * M, q3.ttmOcf());
        assertEquals(120_131 * M, q3.ttmCapex());
        assertEquals(10_560 * M, q3.ttmFcf());
        CompanyDefinedMetrics own = q3.companyDefined();
        assertEquals(14_788 * M, own.fcf().ttm());
        assertEquals("EXACT", own.fcf().ttmStatus());
        assertEquals("Free cash flow", own.fcf().definition());
        assertEquals(115_903 * M, own.capex().ttm());
        // 115,903 / 130,691
        assertEquals(new BigDecimal("0.8868"), own.ttmCapexToOcf());
        assertEquals(List.of(), own.commitments());
        assertNull(own.offBalanceSheetCommitments());
        assertNull(own.offBalanceSheetToTtmOcf());
    }

    @Test
    void commitmentsAsMultiplesOfTtmOperatingCashFlow() {
        // Round test amounts (not Amazon's): leases not yet commenced $26,138.2M = 0.2000 x TTM OCF exactly,
        // purchase obligations $65,345.5M = 0.5000 x; RPO $261,382M = 2.0000 x, shown but not added.
        List<FiscalQuarterFundamentals> quarters = new ArrayList<>(AmazonQuarters.quarters(List.of(
                AmazonQuarters.commitment("leases-not-yet-commenced", "Leases not yet commenced", 26_138_200_000L, "EXACT"),
                AmazonQuarters.commitment("purchase-obligations", "Purchase obligations", 65_345_500_000L, "EXACT"),
                AmazonQuarters.commitment("other", "Not tagged this quarter", null, "UNAVAILABLE"),
                AmazonQuarters.part("leases-not-yet-commenced-next-twelve-months", "Leases not yet commenced, due in the next twelve months",
                        13_069_100_000L, "leases-not-yet-commenced"))));
        quarters.set(3, AmazonQuarters.withRpo(quarters.get(3), 261_382_000_000L));
        CompanyDefinedMetrics own = MetricsCalculator.compute(quarters).getLast().companyDefined();
        assertEquals(List.of("leases-not-yet-commenced", "purchase-obligations", "other",
                        "leases-not-yet-commenced-next-twelve-months", "remaining-performance-obligations"),
                own.commitments().stream().map(CompanyDefinedMetrics.Commitment::id).toList());
        assertEquals(new BigDecimal("0.2000"), own.commitments().get(0).toTtmOcf());
        assertEquals(new BigDecimal("0.5000"), own.commitments().get(1).toTtmOcf());
        assertNull(own.commitments().get(2).amount());
        assertNull(own.commitments().get(2).toTtmOcf());
        assertEquals("no fact", own.commitments().get(2).derivation());
        // A part (one year of the leases) is shown with its multiple, never added to the total.
        assertEquals(new BigDecimal("0.1000"), own.commitments().get(3).toTtmOcf());
        assertEquals("leases-not-yet-commenced", own.commitments().get(3).partOf());
        assertEquals(false, own.commitments().get(3).offBalanceSheet());
        assertEquals(new BigDecimal("2.0000"), own.commitments().get(4).toTtmOcf());
        assertEquals(false, own.commitments().get(4).offBalanceSheet());
        assertEquals(91_483_700_000L, own.offBalanceSheetCommitments());
        assertEquals(new BigDecimal("0.7000"), own.offBalanceSheetToTtmOcf());
    }

    @Test
    void withoutTtmOcfTheMultiplesAreEmptyAndWithoutMeasuresNothingIsInvented() {
        // One quarter only: no TTM OCF, so no multiple.
        List<FiscalQuarterFundamentals> one = List.of(AmazonQuarters.quarters(List.of(
                AmazonQuarters.commitment("purchase-obligations", "Purchase obligations", 10 * M, "EXACT"))).getLast());
        CompanyDefinedMetrics own = MetricsCalculator.compute(one).getFirst().companyDefined();
        assertEquals(10 * M, own.commitments().getFirst().amount());
        assertNull(own.commitments().getFirst().toTtmOcf());
        assertNull(own.ttmCapexToOcf());
        assertEquals(CompanyMeasure.EXACT, own.fcf().ttmStatus());
        // An older producer sends no company measures at all: no company-defined block.
        assertNull(MetricsCalculator.compute(AlphabetQuarters.quarters()).getLast().companyDefined());
    }
}
