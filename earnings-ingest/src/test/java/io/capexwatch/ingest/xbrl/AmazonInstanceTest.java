package io.capexwatch.ingest.xbrl;

import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.edgar.XbrlFact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amazon's FY2022 10-K instance (accession 0001018724-23-000004) from ../shared/edgar. */
class AmazonInstanceTest {
    private static final String ACCESSION = "0001018724-23-000004";
    private static final LocalDate FY_START = LocalDate.of(2022, 1, 1);
    private static final LocalDate FY_END = LocalDate.of(2022, 12, 31);
    private static XbrlInstance instance;

    @BeforeAll
    static void parse() {
        instance = FactKeys.parse(SharedEdgarFiles.require("amzn-20221231_htm.xml"));
    }

    @Test
    void extensionConceptsKeepTheirPrefix() {
        assertEquals(new BigDecimal("5324000000"), fy2022("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"));
        assertEquals(new BigDecimal("248000000"), fy2022("amzn:RepaymentsOfLongTermFinancingObligations"));
        assertEquals(new BigDecimal("63645000000"), fy2022("us-gaap:PaymentsToAcquireProductiveAssets"));
        assertEquals(new BigDecimal("46752000000"), fy2022("us-gaap:NetCashProvidedByUsedInOperatingActivities"));
        assertEquals(new BigDecimal("7941000000"), fy2022("us-gaap:FinanceLeasePrincipalPayments"));
    }

    @Test
    void leasesNotYetCommencedAtTheYearEnd() {
        List<InstanceFact> facts = instance.facts("amzn:LesseeLeaseNotYetCommencedFutureMinimumPaymentsDue");
        assertEquals(1, facts.size());
        InstanceFact total = facts.getFirst();
        assertTrue(total.period().isInstant());
        assertEquals(FY_END, total.period().end());
        assertEquals(new BigDecimal("27029000000"), total.value());
        assertEquals("http://www.amazon.com/20221231", total.concept().namespace());
        assertEquals(new BigDecimal("1252000000"),
                instance.facts("amzn:LesseeLeaseNotYetCommencedFutureMinimumPaymentsDueNextTwelveMonths").getFirst().value());
    }

    @Test
    void dimensionTaggedFactsKeepAxisAndMember() {
        List<InstanceFact> aws = instance.facts("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax").stream()
                .filter(f -> "amzn:AmazonWebServicesSegmentMember".equals(
                        f.context().explicitMembers().get("us-gaap:StatementBusinessSegmentsAxis")))
                .filter(f -> f.context().explicitMembers().size() == 1 && FY_START.equals(f.period().start()))
                .toList();
        assertEquals(1, aws.size());
        assertEquals(new BigDecimal("80096000000"), aws.getFirst().value());
        assertEquals(1018724L, instance.cik().orElseThrow());
    }

    @Test
    void asFiledFactsAreNamedAsCompanyfactsNamesThem() {
        List<XbrlFact> facts = AsFiledFacts.of(instance, ACCESSION, null, LocalDate.of(2023, 2, 3));
        Map<String, List<XbrlFact>> fy = facts.stream().filter(f -> FY_START.equals(f.start()) && FY_END.equals(f.end()))
                .collect(Collectors.groupingBy(XbrlFact::concept));
        XbrlFact capex = fy.get("PaymentsToAcquireProductiveAssets").getFirst();
        assertEquals(new BigDecimal("63645000000"), capex.value());
        assertEquals("10-K", capex.form());
        assertEquals(2022, capex.fy());
        assertEquals("FY", capex.fp());
        assertEquals(ACCESSION, capex.accession());
        assertEquals("USD", capex.unit());
        assertEquals(new BigDecimal("5324000000"),
                fy.get("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives").getFirst().value());
        // reported as 6,097 (millions, decimals -6) in a table and 6.1 (billions, decimals -8) in the text: one fact, the precise one
        assertEquals(List.of(new BigDecimal("6097000000")),
                fy.get("FinanceLeaseRightOfUseAssetAmortization").stream().map(XbrlFact::value).toList());
        // other taxonomies keep their prefix: the public float is dei's, not us-gaap's
        assertEquals(new BigDecimal("944744113598"), facts.stream().filter(f -> f.concept().equals("dei:EntityPublicFloat"))
                .findFirst().orElseThrow().value());
        assertEquals(java.util.Set.of("amzn", "dei"), facts.stream().filter(f -> f.concept().contains(":"))
                .map(f -> f.concept().substring(0, f.concept().indexOf(':'))).collect(Collectors.toSet()));
    }

    @Test
    void inTheShapeTheImportStores() {
        io.capexwatch.ingest.edgar.CompanyFacts facts = AsFiledFacts.asCompanyFacts(instance, ACCESSION, "10-K", LocalDate.of(2023, 2, 3));
        assertEquals(1018724L, facts.cik());
        assertEquals("AMAZON.COM, INC.", facts.entityName());
        assertEquals(List.of(new BigDecimal("40140000000"), new BigDecimal("61053000000"), new BigDecimal("63645000000")),
                facts.factsByConcept().get("PaymentsToAcquireProductiveAssets").stream().map(XbrlFact::value).sorted().toList());
        assertEquals(3, facts.factsByConcept().get("amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives").size());
    }

    private static BigDecimal fy2022(String concept) {
        List<InstanceFact> facts = instance.facts(concept).stream()
                .filter(f -> !f.context().hasDimensions() && FY_START.equals(f.period().start()) && FY_END.equals(f.period().end()))
                .toList();
        assertEquals(1, facts.size(), concept);
        return facts.getFirst().value();
    }
}
