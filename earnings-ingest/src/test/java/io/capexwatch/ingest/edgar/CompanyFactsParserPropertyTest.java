package io.capexwatch.ingest.edgar;

import io.capexwatch.ingest.quarters.MetricConcepts;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any input gives a parsed document or an InvalidCompanyFactsException (400/422), never another exception. */
class CompanyFactsParserPropertyTest {
    private final CompanyFactsParser parser = new CompanyFactsParser(MetricConcepts.allConcepts());

    @Property(tries = 300)
    void anyBytes(@ForAll("bytes") byte[] input) {
        parseOrReject(input);
    }

    @Property(tries = 300)
    void anyTokenSoup(@ForAll("soup") String input) {
        parseOrReject(input.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void documentsWithRandomFieldValuesKeepOnlyPlausibleFacts(@ForAll("documents") String input) {
        CompanyFacts facts = parseOrReject(input.getBytes(StandardCharsets.UTF_8));
        if (facts == null) {
            return;
        }
        facts.factsByConcept().values().stream().flatMap(List::stream).forEach(fact -> {
            assertTrue(fact.value().abs().compareTo(FactChecks.MAX_ABS_USD) < 0, fact::toString);
            assertTrue(fact.start() == null || !fact.end().isBefore(fact.start()), fact::toString);
            assertTrue(fact.fy() == null || fact.fy() >= FactChecks.FIRST_EDGAR_YEAR, fact::toString);
            assertTrue(fact.accession().length() <= 32 && fact.form().length() <= 16, fact::toString);
        });
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return DocumentArbitraries.bytes();
    }

    @Provide
    Arbitrary<String> soup() {
        return DocumentArbitraries.tokenSoup();
    }

    @Provide
    Arbitrary<String> documents() {
        return DocumentArbitraries.documents(1_652_044L);
    }

    private CompanyFacts parseOrReject(byte[] input) {
        try {
            return parser.parse(new ByteArrayInputStream(input));
        } catch (InvalidCompanyFactsException e) {
            assertTrue(e.status() == 400 || e.status() == 422, "status " + e.status());
            return null;
        }
    }
}
