package io.capexwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Filings' own XBRL for tests: the fixtures we wrote (src/test/resources/xbrl) and the real files of
 * ../shared/edgar, read by path and, for a test company of its own, with another CIK in memory.
 */
public final class XbrlDocuments {
    public static final String AMAZON_Q3_2025 = "0001018724-25-000123";
    public static final String AMAZON_FY2022 = "0001018724-23-000004";
    public static final String APPLE_Q2_2025 = "0000320193-25-000057";
    public static final String AMAZON_Q3_EXCERPT = "0001018724-25-000123_2025-10-31_amzn-20250930-excerpt.xml";

    private XbrlDocuments() {
    }

    /** Our excerpt of Amazon's Q3 2025 10-Q instance, a sample `up` imports (see the file's comment for its figures). */
    public static byte[] amazonQ3Excerpt() {
        return Samples.read("companyfacts/" + AMAZON_Q3_EXCERPT);
    }

    /** A real file of ../shared/edgar (the test is skipped with a message where it is absent). */
    public static byte[] shared(String name) {
        Path file = SharedEdgarFiles.require(name);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as if filed by {@code cik}: every ten-digit CIK of {@code from} in it replaced. */
    public static byte[] as(byte[] document, long from, long cik) {
        String text = new String(document, StandardCharsets.UTF_8);
        String old = "%010d".formatted(from);
        if (!text.contains(">" + old + "<")) {
            throw new IllegalStateException("the document does not name CIK " + old);
        }
        return text.replace(">" + old + "<", ">" + "%010d".formatted(cik) + "<").getBytes(StandardCharsets.UTF_8);
    }

    /** Amazon's sample companyfacts as if filed under {@code cik}, without the facts of filing {@code dropped}. */
    public static byte[] amazonSampleAs(long cik, String dropped) {
        ObjectNode doc = (ObjectNode) Documents.read(Samples.read("companyfacts/CIK0001018724.json"));
        doc.put("cik", cik);
        doc.path("facts").path("us-gaap").forEach(concept -> concept.path("units").forEach(unit -> {
            for (Iterator<JsonNode> facts = ((ArrayNode) unit).elements(); facts.hasNext(); ) {
                if (dropped.equals(facts.next().path("accn").asText())) {
                    facts.remove();
                }
            }
        }));
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A minimal XBRL 2.1 instance of one filing of Amazon's sample companyfacts (our document from Amazon's
     * published cash-flow statements): that filing's us-gaap facts, as if filed by {@code cik}, as the filing's
     * own extracted instance carries them.
     */
    public static byte[] amazonSampleInstance(long cik, String accession) {
        JsonNode doc = Documents.read(Samples.read("companyfacts/CIK0001018724.json"));
        StringBuilder contexts = new StringBuilder();
        StringBuilder facts = new StringBuilder();
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        doc.path("facts").path("us-gaap").properties().forEach(concept -> concept.getValue().path("units").path("USD").forEach(fact -> {
            if (!accession.equals(fact.path("accn").asText())) {
                return;
            }
            String period = fact.path("start").asText() + "/" + fact.path("end").asText();
            String id = ids.computeIfAbsent(period, p -> {
                String c = "c-" + (ids.size() + 1);
                contexts.append("""
                          <xbrli:context id="%s"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">%010d</xbrli:identifier></xbrli:entity>
                            <xbrli:period><xbrli:startDate>%s</xbrli:startDate><xbrli:endDate>%s</xbrli:endDate></xbrli:period></xbrli:context>
                        """.formatted(c, cik, fact.path("start").asText(), fact.path("end").asText()));
                return c;
            });
            facts.append("  <us-gaap:%s contextRef=\"%s\" unitRef=\"usd\" decimals=\"-6\">%s</us-gaap:%s>\n"
                    .formatted(concept.getKey(), id, fact.path("val").asText(), concept.getKey()));
        }));
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("the Amazon sample has no fact of filing " + accession);
        }
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:us-gaap="http://fasb.org/us-gaap/2024"
                            xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:dei="http://xbrl.sec.gov/dei/2024">
                """ + contexts + """
                  <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
                  <dei:EntityCentralIndexKey contextRef="c-1">%010d</dei:EntityCentralIndexKey>
                """.formatted(cik) + facts + "</xbrli:xbrl>\n").getBytes(StandardCharsets.UTF_8);
    }
}
