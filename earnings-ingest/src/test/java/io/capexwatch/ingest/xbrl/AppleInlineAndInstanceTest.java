package io.capexwatch.ingest.xbrl;

import io.capexwatch.ingest.SharedEdgarFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Apple's 10-Q for the quarter ended 2025-03-29 in both forms EDGAR keeps (../shared/edgar): the inline
 * XBRL primary document and the instance EDGAR extracted from it must carry exactly the same numeric facts.
 */
class AppleInlineAndInstanceTest {
    private static XbrlInstance inline;
    private static XbrlInstance instance;

    @BeforeAll
    static void parseBoth() {
        inline = FactKeys.parse(SharedEdgarFiles.require("aapl-20250329.htm"));
        instance = FactKeys.parse(SharedEdgarFiles.require("aapl-20250329_htm.xml"));
    }

    @Test
    void everyNumericFactOfTheInlineDocumentIsTheInstancesFact() {
        assertEquals(XbrlInstance.Form.INLINE, inline.form());
        assertEquals(XbrlInstance.Form.INSTANCE, instance.form());
        List<String> fromInline = FactKeys.numericKeys(inline);
        List<String> fromInstance = FactKeys.numericKeys(instance);
        assertEquals(674, fromInline.size());
        assertEquals(fromInstance, fromInline);
        assertEquals(760, inline.facts().size());
        assertEquals(760, instance.facts().size());
    }

    @Test
    void sixMonthOperatingCashFlowAndPropertyPayments() {
        assertEquals(new BigDecimal("53887000000"), sixMonths(inline, "us-gaap:NetCashProvidedByUsedInOperatingActivities"));
        assertEquals(new BigDecimal("53887000000"), sixMonths(instance, "us-gaap:NetCashProvidedByUsedInOperatingActivities"));
        assertEquals(new BigDecimal("6011000000"), sixMonths(inline, "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"));
        assertEquals(new BigDecimal("6011000000"), sixMonths(instance, "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"));
    }

    @Test
    void transformsSignsNilsAndNestedFactsOfTheInlineDocument() {
        // ixt-sec:numwordsen "two"
        assertEquals(List.of(new BigDecimal("2"), new BigDecimal("2")),
                inline.facts("aapl:NumberOfSignificantVendors").stream().map(InstanceFact::value).toList());
        // xsi:nil, kept as nil, not as zero
        assertEquals(2, inline.facts("us-gaap:CommitmentsAndContingencies").stream().filter(InstanceFact::nil).count());
        // sign="-": other income/(expense) was an expense of $279M in the quarter
        assertTrue(inline.facts("us-gaap:NonoperatingIncomeExpense").stream()
                .anyMatch(f -> f.value().compareTo(new BigDecimal("-279000000")) == 0));
        // a nonFraction nested in another: both facts get the inner text (scale 3)
        assertTrue(inline.facts("us-gaap:CommonStockSharesIssued").stream()
                .anyMatch(f -> f.value().compareTo(new BigDecimal("15116786000")) == 0));
        assertEquals(320193L, inline.cik().orElseThrow());
        assertEquals("10-Q", inline.dei("DocumentType").orElseThrow());
    }

    private static BigDecimal sixMonths(XbrlInstance document, String concept) {
        List<InstanceFact> facts = document.facts(concept).stream()
                .filter(f -> !f.context().hasDimensions())
                .filter(f -> LocalDate.of(2024, 9, 29).equals(f.period().start()) && LocalDate.of(2025, 3, 29).equals(f.period().end()))
                .toList();
        assertEquals(1, facts.size(), concept);
        assertEquals("USD", facts.getFirst().unit().name());
        return facts.getFirst().value();
    }
}
