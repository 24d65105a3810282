package io.capexwatch.ingest.definitions;

import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import io.capexwatch.ingest.service.Definitions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alphabet's commitments (definitions/GOOGL.json) at real balance-sheet dates, from its companyfacts in
 * ../shared/edgar: the us-gaap purchase obligations to the dollar with concept and accession, the goog:
 * leases not yet commenced unavailable (companyfacts carries no extension concept), and the figures of the
 * commitments-overhang worked example in docs/verdict-model.md.
 */
class AlphabetCommitmentsTest {
    private static final String Q3_2025_10Q = "0001652044-25-000091";
    private static final String FY2025_10K = "0001652044-26-000018";
    private static final String Q1_2026_10Q = "0001652044-26-000048";
    private static final String OCF = "us-gaap:NetCashProvidedByUsedInOperatingActivities";
    private static CompanyDefinitions alphabet;
    private static FactSource facts;

    @BeforeAll
    static void load() throws IOException {
        alphabet = DefinitionsLoader.forCompany("GOOGL", Optional.empty()).orElseThrow();
        // Read for exactly the concepts the service reads companyfacts for (the standard metrics' and every
        // definitions file's us-gaap ones), so Alphabet's commitments come from companyfacts alone.
        Set<String> concepts = new Definitions(Optional.empty()).companyFactsConcepts();
        CompanyFacts companyFacts;
        try (InputStream in = Files.newInputStream(SharedEdgarFiles.require("CIK0001652044.json"))) {
            companyFacts = new CompanyFactsParser(concepts).parse(in);
        }
        facts = FactSource.of(companyFacts.factsByConcept().values().stream().flatMap(List::stream).toList());
    }

    @Test
    void purchaseObligationsAtTheThirdQuarter2025BalanceSheet() {
        LocalDate end = LocalDate.of(2025, 9, 30);
        MeasureValue purchase = commitment("purchase-obligations", end);
        assertEquals(MeasureValue.Status.EXACT, purchase.status(), purchase.derivation());
        assertEquals(new BigDecimal("7700000000"), purchase.value());
        assertInput(purchase, "us-gaap:PurchaseObligation", Q3_2025_10Q, "10-Q", LocalDate.of(2025, 10, 30));
        assertEquals("Purchase obligations (minimum amounts agreed with suppliers) at 2025-09-30: 7,700,000,000"
                + " (Purchase obligations, us-gaap:PurchaseObligation) = 7,700,000,000; accession " + Q3_2025_10Q, purchase.derivation());

        MeasureValue unconditional = commitment("unconditional-purchase-obligations", end);
        assertEquals(MeasureValue.Status.EXACT, unconditional.status(), unconditional.derivation());
        assertEquals(new BigDecimal("42600000000"), unconditional.value());
        assertInput(unconditional, "us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount", Q3_2025_10Q, "10-Q",
                LocalDate.of(2025, 10, 30));
    }

    @Test
    void leasesNotYetCommencedAreExtensionsCompanyfactsDoesNotCarry() {
        MeasureValue leases = commitment("leases-not-yet-commenced", LocalDate.of(2025, 9, 30));
        assertEquals(MeasureValue.Status.UNAVAILABLE, leases.status());
        assertNull(leases.value());
        assertTrue(leases.reason().startsWith("no fact for Leases not yet commenced, current amount"
                + " (goog:LesseeLeaseNotYetCommencedCurrentAmount); Leases not yet commenced, noncurrent amount"
                + " (goog:LesseeLeaseNotYetCommencedNoncurrentAmount) at 2025-09-30"), leases.reason());
    }

    @Test
    void eachObligationOnlyWhereAlphabetTaggedIt() {
        LocalDate fy2025 = LocalDate.of(2025, 12, 31);
        MeasureValue purchase = commitment("purchase-obligations", fy2025);
        assertEquals(new BigDecimal("7700000000"), purchase.value());
        assertInput(purchase, "us-gaap:PurchaseObligation", FY2025_10K, "10-K", LocalDate.of(2026, 2, 5));
        assertEquals(MeasureValue.Status.UNAVAILABLE, commitment("unconditional-purchase-obligations", fy2025).status());

        LocalDate q1 = LocalDate.of(2026, 3, 31);
        MeasureValue unconditional = commitment("unconditional-purchase-obligations", q1);
        assertEquals(new BigDecimal("75600000000"), unconditional.value());
        assertInput(unconditional, "us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount", Q1_2026_10Q, "10-Q",
                LocalDate.of(2026, 4, 30));
        assertEquals(MeasureValue.Status.UNAVAILABLE, commitment("purchase-obligations", q1).status());
    }

    /** The worked example of docs/verdict-model.md: commitments at the quarter's end over TTM operating cash flow. */
    @Test
    void commitmentsAgainstTrailingOperatingCashFlow() {
        LocalDate q3 = LocalDate.of(2025, 9, 30);
        // FY2024 125,299 − nine months 2024 86,186 + nine months 2025 112,311 (millions)
        long ttmOcfQ3 = ttmOcf(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 9, 30), LocalDate.of(2024, 12, 31),
                LocalDate.of(2025, 1, 1), q3);
        assertEquals(151_424_000_000L, ttmOcfQ3);
        assertEquals(50_300_000_000L, wholes(q3));
        assertEquals(new BigDecimal("0.3322"), multiple(wholes(q3), ttmOcfQ3));
        // were the purchase obligations inside the unconditional ones, only the latter would count
        assertEquals(new BigDecimal("0.2813"), multiple(42_600_000_000L, ttmOcfQ3));

        LocalDate fy = LocalDate.of(2025, 12, 31);
        long ttmOcfFy = value(LocalDate.of(2025, 1, 1), fy);
        assertEquals(164_713_000_000L, ttmOcfFy);
        assertEquals(7_700_000_000L, wholes(fy));
        assertEquals(new BigDecimal("0.0467"), multiple(wholes(fy), ttmOcfFy));

        LocalDate q1 = LocalDate.of(2026, 3, 31);
        // FY2025 164,713 − first quarter 2025 36,150 + first quarter 2026 45,790 (millions)
        long ttmOcfQ1 = ttmOcf(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 1, 1), q1);
        assertEquals(174_353_000_000L, ttmOcfQ1);
        assertEquals(75_600_000_000L, wholes(q1));
        assertEquals(new BigDecimal("0.4336"), multiple(wholes(q1), ttmOcfQ1));
    }

    private static MeasureValue commitment(String id, LocalDate end) {
        return MeasureEvaluator.evaluate(alphabet.measure(id).orElseThrow(), facts, null, end);
    }

    private static void assertInput(MeasureValue value, String concept, String accession, String form, LocalDate filed) {
        MeasureValue.Input input = value.inputs().getFirst();
        assertEquals(concept, input.concept());
        assertEquals(accession, input.accession());
        assertEquals(form, input.form());
        assertEquals(filed, input.filed());
    }

    /** What capex-tracker adds up: the whole commitments (not their parts) that have a value at the date. */
    private static long wholes(LocalDate end) {
        return alphabet.ofKind(MeasureKind.COMMITMENT).stream().filter(m -> m.partOf() == null)
                .map(m -> MeasureEvaluator.evaluate(m, facts, null, end)).filter(v -> v.value() != null)
                .mapToLong(v -> v.value().longValueExact()).sum();
    }

    /** Last fiscal year, less its part up to the earlier quarter, plus this year to date. */
    private static long ttmOcf(LocalDate lastYearStart, LocalDate lastYearToDate, LocalDate lastYearEnd,
                               LocalDate yearStart, LocalDate end) {
        return value(lastYearStart, lastYearEnd) - value(lastYearStart, lastYearToDate) + value(yearStart, end);
    }

    private static long value(LocalDate start, LocalDate end) {
        return facts.find(OCF, start, end).orElseThrow().value().longValueExact();
    }

    /** As capex-tracker rounds the multiple: four decimals, half-even. */
    private static BigDecimal multiple(long commitments, long ttmOcf) {
        return BigDecimal.valueOf(commitments).divide(BigDecimal.valueOf(ttmOcf), 4, RoundingMode.HALF_EVEN);
    }
}
