package io.capexwatch.verdict.service;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.ExtendedMetrics;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.QuarterMetrics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a verdict carries of the company-defined figures for the board's details. */
class QuarterFiguresTest {
    private static final long M = 1_000_000L;

    @Test
    void amazonsOwnFcfWithItsDefinitionAndCommitmentsAgainstOcf() {
        CompanyDefinedMetrics own = new CompanyDefinedMetrics(null,
                new CompanyDefinedMetrics.Measure("fcf", "Free cash flow", "Amazon.com Q3 2025 earnings release", null,
                        "UNAVAILABLE", 14_788 * M, "EXACT", null, "twelve months as filed: ... = 14,788,000,000",
                        "The proceeds line is Amazon's extension amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"),
                null, List.of(new CompanyDefinedMetrics.Commitment("purchase-obligations", "Purchase obligations", "10-K",
                "EXACT", 65_345_500_000L, new BigDecimal("0.5000"), true, "...")), 65_345_500_000L, new BigDecimal("0.5000"), List.of());
        LocalDate end = LocalDate.parse("2025-09-30");
        QuarterMetrics q = new QuarterMetrics(2025, 3, end.minusMonths(3).plusDays(1), end, 35_525 * M, 35_095 * M, 430 * M,
                null, 130_691 * M, 120_131 * M, 10_560 * M, new BigDecimal("0.9192"), null, null, null, null, null, null,
                new Filing("0001018724-25-000123", "10-Q", LocalDate.parse("2025-10-31")), null, null, List.of(),
                (ExtendedMetrics) null, own);
        QuarterFigures figures = QuarterFigures.of(q);
        assertEquals(10_560 * M, figures.ttmFcf());
        assertEquals(14_788 * M, figures.companyDefined().ttmFcf());
        assertEquals("EXACT", figures.companyDefined().ttmFcfBasis());
        assertEquals("Free cash flow", figures.companyDefined().fcfDefinition());
        assertEquals("Amazon.com Q3 2025 earnings release", figures.companyDefined().fcfSource());
        assertEquals("The proceeds line is Amazon's extension amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives",
                figures.companyDefined().fcfNote());
        assertEquals(new BigDecimal("0.5000"), figures.companyDefined().offBalanceSheetToTtmOcf());
        assertEquals(1, figures.companyDefined().commitments().size());
        assertNull(QuarterFigures.of(new QuarterMetrics(2025, 3, end.minusMonths(3).plusDays(1), end, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(), null)).companyDefined());
    }
}
