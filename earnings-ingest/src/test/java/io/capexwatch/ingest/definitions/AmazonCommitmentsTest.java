package io.capexwatch.ingest.definitions;

import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.xbrl.AsFiledFacts;
import io.capexwatch.ingest.xbrl.XbrlInstance;
import io.capexwatch.ingest.xbrl.XbrlParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Amazon's commitments at 2022-12-31 from its FY2022 10-K instance (../shared/edgar): leases not yet
 * commenced in total and by year (the parts add up to the whole), and unconditional purchase obligations.
 */
class AmazonCommitmentsTest {
    private static final LocalDate END = LocalDate.of(2022, 12, 31);
    private static final String ACCESSION = "0001018724-23-000004";

    @Test
    void leasesNotYetCommencedByYearAddUpAndPurchaseObligations() throws IOException {
        XbrlInstance instance = new XbrlParser().parse(Files.newInputStream(SharedEdgarFiles.require("amzn-20221231_htm.xml")));
        FactSource facts = FactSource.of(AsFiledFacts.withDimensions(instance, ACCESSION, "10-K", LocalDate.of(2023, 2, 3)));
        CompanyDefinitions amazon = DefinitionsLoader.forCompany("AMZN", Optional.empty()).orElseThrow();

        assertEquals(new BigDecimal("27029000000"), value(amazon, facts, "leases-not-yet-commenced"));
        List<MeasureDefinition> parts = amazon.ofKind(MeasureKind.COMMITMENT).stream()
                .filter(m -> "leases-not-yet-commenced".equals(m.partOf())).toList();
        assertEquals(List.of("1252000000", "2043000000", "2185000000", "2160000000", "2152000000", "17237000000"),
                parts.stream().map(m -> value(amazon, facts, m.id()).toPlainString()).toList());
        assertEquals(new BigDecimal("27029000000"), parts.stream().map(m -> value(amazon, facts, m.id()))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        MeasureValue purchase = MeasureEvaluator.evaluate(amazon.measure("purchase-obligations").orElseThrow(), facts, null, END);
        assertEquals(new BigDecimal("34776000000"), purchase.value());
        assertEquals("us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount", purchase.inputs().getFirst().concept());
        assertTrue(purchase.derivation().endsWith("= 34,776,000,000; accession " + ACCESSION), purchase.derivation());
    }

    @Test
    void aPartMustNameAWholeCommitmentOfTheFile() {
        String file = """
                {"company": "X", "version": 1, "measures": [
                  {"id": "leases", "kind": "COMMITMENT", "name": "Leases", "source": "s",
                   "terms": [{"sign": "+", "label": "l", "concepts": ["x:Leases"]}]},
                  {"id": "leases-year-one", "kind": "COMMITMENT", "partOf": "%s", "name": "Year one", "source": "s",
                   "terms": [{"sign": "+", "label": "l", "concepts": ["x:LeasesYearOne"]}]}]}""";
        assertEquals("leases", read(file.formatted("leases")).measure("leases-year-one").orElseThrow().partOf());
        InvalidDefinitionsException e = assertThrows(InvalidDefinitionsException.class, () -> read(file.formatted("nothing")));
        assertTrue(e.getMessage().contains("measure leases-year-one: \"partOf\" names another COMMITMENT measure"), e.getMessage());
    }

    private static CompanyDefinitions read(String json) {
        try {
            return DefinitionsLoader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal value(CompanyDefinitions definitions, FactSource facts, String id) {
        MeasureValue value = MeasureEvaluator.evaluate(definitions.measure(id).orElseThrow(), facts, null, END);
        assertEquals(MeasureValue.Status.EXACT, value.status(), value.derivation());
        return value.value();
    }
}
