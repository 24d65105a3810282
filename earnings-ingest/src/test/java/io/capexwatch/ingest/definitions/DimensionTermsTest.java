package io.capexwatch.ingest.definitions;

import io.capexwatch.ingest.SharedEdgarFiles;
import io.capexwatch.ingest.xbrl.AsFiledFacts;
import io.capexwatch.ingest.xbrl.XbrlInstance;
import io.capexwatch.ingest.xbrl.XbrlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Terms whose fact is dimension-tagged (later filings tag leases not yet commenced as a member of a
 * commitments axis): the fact must carry exactly the members the term names.
 */
class DimensionTermsTest {
    private static final String ACCESSION = "0001018724-23-000004";

    @Test
    void aTermCanNameTheMemberItsFactCarries(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("AMZN.json");
        Files.writeString(file, """
                {"company": "AMZN", "version": 1, "measures": [{"id": "aws-revenue", "kind": "COMMITMENT",
                 "name": "AWS net sales", "source": "Amazon.com 10-K 2022, Note 10 'Segment Information'",
                 "terms": [{"sign": "+", "label": "AWS segment net sales",
                  "concepts": ["us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"],
                  "members": {"us-gaap:StatementBusinessSegmentsAxis": "amzn:AmazonWebServicesSegmentMember"}}]}]}""");
        MeasureDefinition aws = DefinitionsLoader.load(file).measure("aws-revenue").orElseThrow();
        XbrlInstance instance;
        try (InputStream in = Files.newInputStream(SharedEdgarFiles.require("amzn-20221231_htm.xml"))) {
            instance = new XbrlParser().parse(in);
        }
        LocalDate start = LocalDate.of(2022, 1, 1);
        LocalDate end = LocalDate.of(2022, 12, 31);
        FactSource withoutDimensions = FactSource.of(AsFiledFacts.of(instance, ACCESSION, "10-K", LocalDate.of(2023, 2, 3)));
        assertEquals(MeasureValue.Status.UNAVAILABLE, MeasureEvaluator.evaluate(aws, withoutDimensions, start, end).status());

        FactSource facts = withoutDimensions.withTaggedFacts(instance, ACCESSION, "10-K", LocalDate.of(2023, 2, 3));
        MeasureValue value = MeasureEvaluator.evaluate(aws, facts, start, end);
        assertEquals(new BigDecimal("80096000000"), value.value());
        assertEquals(Map.of("us-gaap:StatementBusinessSegmentsAxis", "amzn:AmazonWebServicesSegmentMember"),
                value.inputs().getFirst().members());
        assertTrue(value.derivation().contains("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"
                + " [us-gaap:StatementBusinessSegmentsAxis=amzn:AmazonWebServicesSegmentMember]"), value.derivation());
        // without the member the same concept is the consolidated figure
        assertEquals(new BigDecimal("513983000000"), facts.find("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
                start, end).orElseThrow().value());
    }

    @Test
    void membersMustBeQualifiedNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("X.json");
        Files.writeString(file, """
                {"company": "X", "version": 1, "measures": [{"id": "a", "kind": "COMMITMENT", "name": "n", "source": "s",
                 "terms": [{"sign": "+", "label": "l", "concepts": ["us-gaap:A"], "members": {"SomeAxis": "us-gaap:M"}}]}]}""");
        InvalidDefinitionsException e = assertThrows(InvalidDefinitionsException.class, () -> DefinitionsLoader.load(file));
        assertTrue(e.getMessage().contains("maps a qualified axis to a qualified member"), e.getMessage());
    }
}
