package io.capexwatch.ingest.xbrl;

import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.edgar.XbrlFact;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceAgreementTest {
    private static final String ACCESSION = "0001018724-23-000004";
    private static final LocalDate FILED = LocalDate.of(2023, 2, 3);

    @Test
    void aDifferentValueForTheSameFactIsReportedNotResolved() {
        List<XbrlFact> instance = AsFiledFacts.of(FactKeys.parse(SharedEdgarFiles.require("amzn-20221231_htm.xml")),
                ACCESSION, "10-K", FILED);
        List<XbrlFact> companyFacts = List.of(
                fact("PaymentsToAcquireProductiveAssets", "63645000000"),
                fact("NetCashProvidedByUsedInOperatingActivities", "46750000000"),
                new XbrlFact("NetCashProvidedByUsedInOperatingActivities", "USD", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31),
                        new BigDecimal("1"), "0001018724-24-000008", 2023, "FY", "10-K", LocalDate.of(2024, 2, 2)));
        List<SourceAgreement.Disagreement> found = SourceAgreement.disagreements(companyFacts, instance);
        assertEquals(1, found.size());
        assertEquals("NetCashProvidedByUsedInOperatingActivities 2022-01-01 to 2022-12-31 in 0001018724-23-000004:"
                + " companyfacts 46750000000, the filing's XBRL 46752000000", found.getFirst().describe());
    }

    private static XbrlFact fact(String concept, String value) {
        return new XbrlFact(concept, "USD", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), new BigDecimal(value),
                ACCESSION, 2022, "FY", "10-K", FILED);
    }
}
