package io.capexwatch.ingest.definitions;

import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import io.capexwatch.ingest.edgar.XbrlFact;
import io.capexwatch.ingest.quarters.MetricConcepts;
import io.capexwatch.ingest.service.Definitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The versioned definitions files of the watched companies, their loading and overriding. */
class DefinitionsFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"AMZN", "MSFT", "GOOGL", "META", "ORCL", "NVDA", "CRWV"})
    void everyWatchedCompanyHasCompanyDefinedCapexAndFcfWithSources(String ticker) {
        CompanyDefinitions definitions = DefinitionsLoader.forCompany(ticker, Optional.empty()).orElseThrow();
        assertEquals(ticker, definitions.company());
        assertFalse(definitions.ofKind(MeasureKind.CAPEX).isEmpty(), ticker + " capex");
        assertFalse(definitions.ofKind(MeasureKind.FCF).isEmpty(), ticker + " fcf");
        for (MeasureDefinition m : definitions.measures()) {
            assertTrue(m.source().contains("earnings release") || m.source().contains("earnings call")
                    || m.source().contains("10-K"), m.id() + ": " + m.source());
        }
    }

    /**
     * Every watched company names the commitments it discloses off its balance sheet, each citing where, and
     * says how its concept names were checked. Remaining performance obligations are never one of them:
     * capex-tracker adds every whole commitment into the overhang and carries the RPO (already ingested as a
     * standard metric) beside it, since it is the customers' commitment, not the company's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AMZN", "MSFT", "GOOGL", "META", "ORCL", "NVDA", "CRWV"})
    void everyWatchedCompanyHasCommitmentsWithSourcesAndNoneIsTheBacklog(String ticker) {
        CompanyDefinitions definitions = DefinitionsLoader.forCompany(ticker, Optional.empty()).orElseThrow();
        List<MeasureDefinition> commitments = definitions.ofKind(MeasureKind.COMMITMENT);
        assertTrue(commitments.stream().anyMatch(m -> m.partOf() == null), ticker + " has no whole commitment");
        for (MeasureDefinition m : commitments) {
            assertTrue(m.source().contains("10-K") || m.source().contains("10-Q"), m.id() + ": " + m.source());
            assertTrue(m.terms().stream().flatMap(t -> t.concepts().stream())
                    .noneMatch(c -> c.startsWith("us-gaap:RevenueRemainingPerformanceObligation")), ticker + " " + m.id());
            assertTrue("AMZN".equals(ticker) || m.note() != null, ticker + " " + m.id() + " says how its concepts were checked");
        }
    }

    /** Only Amazon's (AmazonCommitmentsTest) and Alphabet's purchase obligations (AlphabetCommitmentsTest) are checked on real XBRL here. */
    @Test
    void commitmentNamesNotCheckedAgainstTheCompanysOwnXbrlSaySo() {
        for (String ticker : List.of("MSFT", "META", "ORCL", "NVDA", "CRWV")) {
            for (MeasureDefinition m : DefinitionsLoader.forCompany(ticker, Optional.empty()).orElseThrow().ofKind(MeasureKind.COMMITMENT)) {
                assertTrue(m.note().startsWith("Unverified"), ticker + " " + m.id() + ": " + m.note());
            }
        }
        assertTrue(measure("GOOGL", "leases-not-yet-commenced").note().startsWith("Unverified"));
        assertTrue(measure("GOOGL", "purchase-obligations").note().startsWith("Checked against Alphabet's companyfacts"));
        assertTrue(measure("GOOGL", "unconditional-purchase-obligations").note().startsWith("Checked against Alphabet's companyfacts"));
        assertTrue(DefinitionsLoader.forCompany("AMZN", Optional.empty()).orElseThrow().ofKind(MeasureKind.COMMITMENT).stream()
                .allMatch(m -> m.note() == null));
    }

    @Test
    void commitmentsTaggedWithDimensionsNameTheirMembersAndPartsAreNotAddedTwice() {
        Term microsoft = measure("MSFT", "leases-not-yet-commenced").terms().getFirst();
        assertEquals(List.of("us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount"), microsoft.concepts());
        assertEquals(Map.of("us-gaap:LeaseContractualTermAxis", "msft:OperatingLeaseMember"), microsoft.members());
        assertTrue(measure("MSFT", "leases-not-yet-commenced").note().startsWith("Unverified member"));
        CompanyDefinitions nvidia = DefinitionsLoader.forCompany("NVDA", Optional.empty()).orElseThrow();
        assertEquals(List.of("future-purchase-and-other-commitments"), nvidia.ofKind(MeasureKind.COMMITMENT).stream()
                .filter(m -> m.partOf() == null).map(MeasureDefinition::id).toList());
        assertEquals("future-purchase-and-other-commitments", nvidia.measure("data-center-leases-not-yet-commenced").orElseThrow().partOf());
        assertEquals(Map.of("us-gaap:OtherCommitmentsAxis", "nvda:DataCenterLeaseNotYetCommencedMember"),
                nvidia.measure("data-center-leases-not-yet-commenced").orElseThrow().terms().getFirst().members());
        CompanyDefinitions meta = DefinitionsLoader.forCompany("META", Optional.empty()).orElseThrow();
        assertEquals(List.of("leases-not-yet-commenced", "contractual-commitments"), meta.ofKind(MeasureKind.COMMITMENT).stream()
                .filter(m -> m.partOf() == null).map(MeasureDefinition::id).toList());
        assertEquals(List.of("meta:LesseeOperatingLeaseLeaseNotYetCommencedAmount", "meta:LesseeFinanceLeaseLeaseNotYetCommencedAmount"),
                meta.measure("leases-not-yet-commenced").orElseThrow().terms().stream().map(t -> t.concepts().getFirst()).toList());
        assertEquals(6, meta.ofKind(MeasureKind.COMMITMENT).stream().filter(m -> "contractual-commitments".equals(m.partOf())).count());
    }

    @Test
    void whatIsExactAndWhatIsNot() {
        MeasureDefinition meta = measure("META", "fcf");
        assertTrue(meta.exact());
        assertEquals(List.of(1, -1, -1), meta.terms().stream().map(Term::sign).toList());
        assertEquals(List.of("us-gaap:FinanceLeasePrincipalPayments"), meta.terms().get(2).concepts());
        assertFalse(measure("CRWV", "fcf").exact());
        assertFalse(measure("MSFT", "capex-including-finance-leases").exact());
        assertTrue(measure("MSFT", "fcf").exact());
        assertTrue(measure("GOOGL", "fcf").exact());
        assertTrue(measure("ORCL", "fcf").exact());
        assertEquals(3, DefinitionsLoader.forCompany("AMZN", Optional.empty()).orElseThrow().ofKind(MeasureKind.FCF).size());
        assertEquals(Optional.empty(), DefinitionsLoader.forCompany("AAPL", Optional.empty()));
    }

    @Test
    void alphabetNineMonthsFromRealCompanyfacts() throws IOException {
        CompanyFacts companyFacts;
        try (InputStream in = Files.newInputStream(SharedEdgarFiles.require("CIK0001652044.json"))) {
            companyFacts = new CompanyFactsParser(MetricConcepts.allConcepts()).parse(in);
        }
        List<XbrlFact> all = companyFacts.factsByConcept().values().stream().flatMap(List::stream).toList();
        MeasureValue fcf = MeasureEvaluator.evaluate(measure("GOOGL", "fcf"), FactSource.of(all),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30));
        // the quarters Alphabet reported: OCF 36,150 + 27,747 + 48,414; capex 17,197 + 22,446 + 23,953 (millions)
        assertEquals(MeasureValue.Status.EXACT, fcf.status());
        assertEquals(new BigDecimal("48715000000"), fcf.value());
        assertEquals(List.of("0001652044-25-000091", "0001652044-25-000091"),
                fcf.inputs().stream().map(MeasureValue.Input::accession).toList());
    }

    @Test
    void alphabetThirdQuarterFromTheYearToDateFilings() throws IOException {
        CompanyFacts companyFacts;
        try (InputStream in = Files.newInputStream(SharedEdgarFiles.require("CIK0001652044.json"))) {
            companyFacts = new CompanyFactsParser(MetricConcepts.allConcepts()).parse(in);
        }
        FactSource facts = FactSource.of(companyFacts.factsByConcept().values().stream().flatMap(List::stream).toList());
        MeasureValue q3 = MeasureEvaluator.quarter(measure("GOOGL", "fcf"), facts, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 6, 30), LocalDate.of(2025, 9, 30));
        // Alphabet reported Q3 2025 free cash flow of $24.5B: 48,414 − 23,953 (millions)
        assertEquals(new BigDecimal("24461000000"), q3.value());
        assertEquals(LocalDate.of(2025, 7, 1), q3.start());
        assertTrue(q3.derivation().startsWith("Free cash flow 2025-07-01 to 2025-09-30: 48,715,000,000 (2025-01-01 to 2025-09-30)"
                + " − 24,254,000,000 (2025-01-01 to 2025-06-30) = 24,461,000,000"), q3.derivation());
        MeasureValue q1 = MeasureEvaluator.quarter(measure("GOOGL", "fcf"), facts, LocalDate.of(2025, 1, 1), null,
                LocalDate.of(2025, 3, 31));
        assertEquals(new BigDecimal("18953000000"), q1.value());
    }

    @Test
    void aTermWithoutAFactMakesTheMeasureUnavailable() {
        List<XbrlFact> facts = List.of(
                fact("NetCashProvidedByUsedInOperatingActivities", "66530000000"),
                fact("PaymentsToAcquireProductiveAssets", "6283000000"));
        MeasureValue fcf = MeasureEvaluator.evaluate(measure("NVDA", "fcf"), FactSource.of(facts),
                LocalDate.of(2025, 1, 27), LocalDate.of(2025, 10, 26));
        assertEquals(MeasureValue.Status.UNAVAILABLE, fcf.status());
        assertTrue(fcf.reason().contains("Principal payments on property and equipment and intangible assets"
                + " (nvda:PaymentsForFinancedPropertyPlantAndEquipmentAndIntangibleAssetsFinancingActivities"
                + " or nvda:PaymentsForFinancedPropertyPlantAndEquipmentFinancingActivities)"), fcf.reason());
        assertEquals(2, fcf.inputs().size());
    }

    @Test
    void aDeploymentsOwnFileTakesPrecedence(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("AMZN.json"), """
                {"company": "AMZN", "version": 7, "measures": [{"id": "fcf", "kind": "FCF", "name": "FCF (desk view)",
                 "source": "research desk note, 2026-11-30", "terms": [
                 {"sign": "+", "label": "OCF", "concepts": ["us-gaap:NetCashProvidedByUsedInOperatingActivities"]}]}]}""");
        CompanyDefinitions overridden = DefinitionsLoader.forCompany("amzn", Optional.of(dir)).orElseThrow();
        assertEquals(7, overridden.version());
        assertEquals("FCF (desk view)", overridden.measure("fcf").orElseThrow().name());
        assertEquals(1, DefinitionsLoader.forCompany("MSFT", Optional.of(dir)).orElseThrow().version());
    }

    @Test
    void companyfactsIsReadForTheUsGaapConceptsOfEveryDefinitionsFileBundledOrTheDeployments(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("AAPL.json"), """
                {"company": "AAPL", "version": 1, "measures": [{"id": "fcf", "kind": "FCF", "name": "FCF",
                 "source": "research desk note, 2026-11-30", "terms": [
                 {"sign": "+", "label": "OCF", "concepts": ["us-gaap:NetCashProvidedByUsedInOperatingActivities"]},
                 {"sign": "-", "label": "Capex", "concepts": ["us-gaap:PaymentsToAcquireIntangibleAssets", "aapl:Other"]}]}]}""");
        Set<String> concepts = new Definitions(Optional.of(dir.toString())).companyFactsConcepts();
        assertTrue(concepts.containsAll(MetricConcepts.allConcepts()));
        // Alphabet's and Amazon's commitments, the deployment's own file; never an extension concept.
        assertTrue(concepts.containsAll(Set.of("PurchaseObligation", "UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount",
                "PaymentsToAcquireIntangibleAssets")), concepts.toString());
        assertTrue(concepts.stream().noneMatch(c -> c.contains(":")), concepts.toString());
        assertEquals(Set.of("PaymentsToAcquireIntangibleAssets"), Set.copyOf(DefinitionsLoader.usGaapConcepts(List.of(
                DefinitionsLoader.load(dir.resolve("AAPL.json")))).stream().filter(c -> !c.startsWith("NetCash")).toList()));
        assertEquals(DefinitionsLoader.BUNDLED, listBundled());
    }

    /** The files of src/main/resources/definitions, by ticker. */
    private static List<String> listBundled() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/definitions"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }

    @Test
    void aBrokenFileIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        assertRefused(dir, "{\"company\": \"X\", \"version\": 1, \"measures\": [{\"id\": \"a\", \"kind\": \"FCF\", \"name\": \"n\","
                + " \"source\": \"s\", \"terms\": [{\"sign\": \"*\", \"label\": \"l\", \"concepts\": [\"us-gaap:A\"]}]}]}", "a term's \"sign\" is");
        assertRefused(dir, "{\"company\": \"X\", \"version\": 1, \"measures\": [{\"id\": \"a\", \"kind\": \"FCF\", \"name\": \"n\","
                + " \"source\": \"s\", \"terms\": [{\"sign\": \"+\", \"label\": \"l\", \"concepts\": [\"NetIncomeLoss\"]}]}]}", "is not a concept with its prefix");
        assertRefused(dir, "{\"company\": \"X\", \"version\": 1, \"measures\": [{\"id\": \"a\", \"kind\": \"FCF\", \"name\": \"n\","
                + " \"terms\": [{\"sign\": \"+\", \"label\": \"l\", \"concepts\": [\"us-gaap:A\"]}]}]}", "\"source\" is required");
        assertRefused(dir, "{\"company\": \"X\", \"version\": 1, \"measures\": [", "not valid JSON");
    }

    private static void assertRefused(Path dir, String json, String reason) throws IOException {
        Path file = dir.resolve("X.json");
        Files.writeString(file, json);
        InvalidDefinitionsException e = assertThrows(InvalidDefinitionsException.class, () -> DefinitionsLoader.load(file));
        assertTrue(e.getMessage().contains(reason) && e.getMessage().contains(file.toString()), e.getMessage());
    }

    private static MeasureDefinition measure(String ticker, String id) {
        return DefinitionsLoader.forCompany(ticker, Optional.empty()).orElseThrow().measure(id).orElseThrow();
    }

    private static XbrlFact fact(String concept, String value) {
        return new XbrlFact(concept, "USD", LocalDate.of(2025, 1, 27), LocalDate.of(2025, 10, 26), new BigDecimal(value),
                "0001045810-25-000230", 2026, "Q3", "10-Q", LocalDate.of(2025, 11, 19));
    }
}
