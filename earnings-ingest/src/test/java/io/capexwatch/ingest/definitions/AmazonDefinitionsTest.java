package io.capexwatch.ingest.definitions;

import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.edgar.XbrlFact;
import io.capexwatch.ingest.xbrl.AsFiledFacts;
import io.capexwatch.ingest.xbrl.XbrlInstance;
import io.capexwatch.ingest.xbrl.XbrlParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Amazon's measures as Amazon defines them, from its FY2022 10-K instance (../shared/edgar,
 * accession 0001018724-23-000004): Amazon reported free cash flow of −$11.6B and, less principal
 * repayments of finance leases and financing obligations, −$19.8B.
 */
class AmazonDefinitionsTest {
    private static final String ACCESSION = "0001018724-23-000004";
    private static final LocalDate START = LocalDate.of(2022, 1, 1);
    private static final LocalDate END = LocalDate.of(2022, 12, 31);
    private static CompanyDefinitions amazon;
    private static FactSource facts;

    @BeforeAll
    static void load() throws IOException {
        amazon = DefinitionsLoader.forCompany("AMZN", Optional.empty()).orElseThrow();
        XbrlInstance instance;
        try (InputStream in = Files.newInputStream(SharedEdgarFiles.require("amzn-20221231_htm.xml"))) {
            instance = new XbrlParser().parse(in);
        }
        List<XbrlFact> asFiled = AsFiledFacts.of(instance, ACCESSION, null, LocalDate.of(2023, 2, 3));
        facts = FactSource.of(asFiled);
    }

    @Test
    void freeCashFlowAsAmazonDefinesIt() {
        MeasureValue fcf = evaluate("fcf");
        assertEquals(MeasureValue.Status.EXACT, fcf.status());
        assertEquals(new BigDecimal("-11569000000"), fcf.value());
        assertNull(fcf.reason());
        assertEquals(List.of("us-gaap:NetCashProvidedByUsedInOperatingActivities", "us-gaap:PaymentsToAcquireProductiveAssets",
                "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives"), concepts(fcf));
        assertEquals(List.of(new BigDecimal("46752000000"), new BigDecimal("63645000000"), new BigDecimal("5324000000")),
                fcf.inputs().stream().map(MeasureValue.Input::value).toList());
        assertTrue(fcf.inputs().stream().allMatch(i -> ACCESSION.equals(i.accession()) && "10-K".equals(i.form())));
        assertEquals("Free cash flow 2022-01-01 to 2022-12-31: 46,752,000,000 (Net cash provided by (used in) operating activities,"
                + " us-gaap:NetCashProvidedByUsedInOperatingActivities) − 63,645,000,000 (Purchases of property and equipment,"
                + " us-gaap:PaymentsToAcquireProductiveAssets) + 5,324,000,000 (Proceeds from property and equipment sales and"
                + " incentives, amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives) = −11,569,000,000;"
                + " accession 0001018724-23-000004", fcf.derivation());
        assertTrue(fcf.definition().source().contains("earnings release"));
    }

    @Test
    void lessPrincipalRepaymentsOfFinanceLeasesAndFinancingObligations() {
        MeasureValue fcf = evaluate("fcf-less-finance-lease-and-financing-obligation-repayments");
        assertEquals(MeasureValue.Status.EXACT, fcf.status());
        assertEquals(new BigDecimal("-19758000000"), fcf.value());
        assertEquals(List.of("us-gaap:NetCashProvidedByUsedInOperatingActivities", "us-gaap:PaymentsToAcquireProductiveAssets",
                "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives", "us-gaap:FinanceLeasePrincipalPayments",
                "amzn:RepaymentsOfLongTermFinancingObligations"), concepts(fcf));
        assertEquals(new BigDecimal("7941000000"), fcf.inputs().get(3).value());
        assertEquals(new BigDecimal("248000000"), fcf.inputs().get(4).value());
        assertTrue(fcf.derivation().endsWith("= −19,758,000,000; accession 0001018724-23-000004"), fcf.derivation());
    }

    @Test
    void theEquipmentLeaseMeasureIsOnlyApproximate() {
        MeasureValue fcf = evaluate("fcf-less-equipment-finance-leases-and-other-repayments");
        assertEquals(MeasureValue.Status.APPROXIMATE, fcf.status());
        // 46,752 − 63,645 + 5,324 − 675 (all finance-lease additions) − 248
        assertEquals(new BigDecimal("-12492000000"), fcf.value());
        assertTrue(fcf.reason().contains("tag neither split"), fcf.reason());
        assertTrue(fcf.derivation().contains("approximate: "), fcf.derivation());
    }

    @Test
    void capexAndLeasesNotYetCommenced() {
        MeasureValue capex = evaluate("capex");
        assertEquals(new BigDecimal("58321000000"), capex.value());
        MeasureValue leases = MeasureEvaluator.evaluate(amazon.measure("leases-not-yet-commenced").orElseThrow(), facts, null, END);
        assertEquals(MeasureValue.Status.EXACT, leases.status());
        assertEquals(new BigDecimal("27029000000"), leases.value());
        assertEquals("amzn:LesseeLeaseNotYetCommencedFutureMinimumPaymentsDue", leases.inputs().getFirst().concept());
        assertEquals(ACCESSION, leases.inputs().getFirst().accession());
        assertTrue(leases.derivation().startsWith("Lease agreements signed but not yet commenced (undiscounted future payments) at 2022-12-31: 27,029,000,000"),
                leases.derivation());
    }

    @Test
    void earlierYearsFromTheSameFiling() {
        // Amazon reported FY2021 free cash flow as an outflow of $9.1B
        MeasureValue fy2021 = MeasureEvaluator.evaluate(amazon.measure("fcf").orElseThrow(), facts,
                LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
        assertEquals(new BigDecimal("-9069000000"), fy2021.value());
    }

    @Test
    void aPeriodTheFilingDoesNotCoverIsUnavailable() {
        MeasureValue none = MeasureEvaluator.evaluate(amazon.measure("fcf").orElseThrow(), facts,
                LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30));
        assertEquals(MeasureValue.Status.UNAVAILABLE, none.status());
        assertNull(none.value());
        assertTrue(none.reason().startsWith("no fact for Net cash provided by (used in) operating activities"), none.reason());
    }

    private static MeasureValue evaluate(String id) {
        return MeasureEvaluator.evaluate(amazon.measure(id).orElseThrow(), facts, START, END);
    }

    private static List<String> concepts(MeasureValue value) {
        return value.inputs().stream().map(MeasureValue.Input::concept).toList();
    }
}
