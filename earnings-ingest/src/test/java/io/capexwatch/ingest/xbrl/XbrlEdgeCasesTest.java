package io.capexwatch.ingest.xbrl;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-written fixtures (src/test/resources/xbrl/edge-cases.htm and .xml): one set of facts in both forms,
 * written with unusual prefix bindings, so that only resolution by namespace URI makes them equal.
 */
class XbrlEdgeCasesTest {
    private static XbrlInstance inline;
    private static XbrlInstance instance;

    @BeforeAll
    static void parse() {
        inline = FactKeys.parseResource("edge-cases.htm");
        instance = FactKeys.parseResource("edge-cases.xml");
    }

    @Test
    void bothFormsWithDifferentPrefixesGiveTheSameFacts() {
        assertEquals(17, inline.numericFacts().size());
        assertEquals(FactKeys.numericKeys(instance), FactKeys.numericKeys(inline));
    }

    @Test
    void conceptsGetTheStablePrefixOfTheirNamespace() {
        // bound to "g" in the inline document and to "gaap" in the instance
        InstanceFact ocf = single(inline, "us-gaap:NetCashProvidedByUsedInOperatingActivities");
        assertEquals("http://fasb.org/us-gaap/2024", ocf.concept().namespace());
        assertEquals(new BigDecimal("12345000000"), ocf.value());
        assertEquals("-6", ocf.decimals());
        assertEquals("ocf", ocf.id());
        assertEquals(new BigDecimal("12345000000"), single(instance, "us-gaap:NetCashProvidedByUsedInOperatingActivities").value());
        // the extension namespace keeps the prefix the filing declared for it
        assertEquals(new BigDecimal("987000000"), single(inline, "ex:ProceedsFromSalesAndIncentives").value());
    }

    @Test
    void signScaleAndFormats() {
        assertEquals(new BigDecimal("-1234000000"), single(inline, "us-gaap:NetIncomeLoss").value());
        assertEquals(0, single(inline, "us-gaap:GoodwillImpairmentLoss").value().signum());
        assertEquals(0, single(inline, "us-gaap:RestructuringCharges").value().signum());
        assertEquals(new BigDecimal("1000500"), single(inline, "us-gaap:InterestPaidNet").value());
        assertEquals(new BigDecimal("1234.56"), single(inline, "us-gaap:EarningsPerShareDiluted").value());
        assertEquals("USD/shares", single(inline, "us-gaap:EarningsPerShareDiluted").unit().name());
        assertEquals(new BigDecimal("0.255"), single(inline, "us-gaap:EffectiveIncomeTaxRateContinuingOperations").value());
        assertEquals(new BigDecimal("25"), single(inline, "ex:NumberOfSignificantVendors").value());
        assertEquals(0, single(inline, "ex:NumberOfDisputes").value().signum());
        assertEquals(new BigDecimal("7100000000"), single(inline, "us-gaap:CostOfRevenue").value());
        assertEquals(new BigDecimal("15116786000"), single(inline, "us-gaap:CommonStockSharesIssued").value());
        assertEquals(new BigDecimal("15116786000"), single(inline, "us-gaap:CommonStockSharesOutstanding").value());
        assertEquals(new BigDecimal("3"), single(inline, "ex:HiddenCount").value());
    }

    @Test
    void nilIsNilNotZero() {
        InstanceFact nil = single(inline, "us-gaap:CommitmentsAndContingencies");
        assertTrue(nil.nil());
        assertNull(nil.value());
        assertTrue(single(instance, "us-gaap:CommitmentsAndContingencies").nil());
    }

    @Test
    void periodsAndDimensions() {
        InstanceFact cost = single(inline, "us-gaap:CostOfRevenue");
        // 2025-01-01T00:00:00 to 2025-07-01T00:00:00 is the first half, as the date-only form writes it
        assertEquals(XbrlPeriod.duration(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)), cost.period());
        InstanceFact cloud = single(inline, "us-gaap:Revenues");
        assertEquals(Map.of("us-gaap:StatementBusinessSegmentsAxis", "ex:CloudMember"), cloud.context().explicitMembers());
        InstanceFact contract = single(inline, "ex:ContractValue");
        assertEquals(Map.of("ex:ContractAxis", "A-17"), contract.context().typedMembers());
        assertTrue(contract.period().isInstant());
        assertEquals("0000000042", contract.context().entityIdentifier());
    }

    @Test
    void continuationsAreJoinedAndExcludedTextLeftOut() {
        InstanceFact note = inline.facts("ex:LeasesNotYetCommencedNote").getFirst();
        assertFalse(note.isNumeric());
        assertEquals("Leases not yet commenced total $3.0 billion over 15 years.", note.text());
    }

    @Test
    void formComesFromDeiWithTheAmendmentFlag() {
        assertEquals("10-Q/A", AsFiledFacts.formOf(inline));
        assertEquals("10-Q", AsFiledFacts.formOf(instance));
        List<io.capexwatch.ingest.edgar.XbrlFact> facts = AsFiledFacts.of(inline, "0000000042-25-000001", null, LocalDate.of(2025, 8, 1));
        // USD, not nil, no dimensions: OCF, net loss, proceeds, two zeros, interest and cost of revenue
        assertEquals(List.of("NetCashProvidedByUsedInOperatingActivities", "NetIncomeLoss", "ex:ProceedsFromSalesAndIncentives",
                        "GoodwillImpairmentLoss", "RestructuringCharges", "InterestPaidNet", "CostOfRevenue"),
                facts.stream().map(io.capexwatch.ingest.edgar.XbrlFact::concept).toList());
        assertEquals("10-Q/A", facts.getFirst().form());
    }

    private static InstanceFact single(XbrlInstance document, String concept) {
        List<InstanceFact> facts = document.facts(concept);
        assertEquals(1, facts.size(), concept);
        return facts.getFirst();
    }
}
