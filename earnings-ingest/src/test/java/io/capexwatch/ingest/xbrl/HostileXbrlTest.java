package io.capexwatch.ingest.xbrl;

import io.capexwatch.ingest.SharedEdgarFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents that must be refused, each with a reason that says why; nothing is returned from any of them. */
class HostileXbrlTest {
    private static final String CONTEXT = """
            <context id="c"><entity><identifier scheme="http://www.sec.gov/CIK">1</identifier></entity>
            <period><instant>2025-06-30</instant></period></context><unit id="u"><measure>iso4217:USD</measure></unit>""";
    private static final String OPEN = "<xbrl xmlns=\"http://www.xbrl.org/2003/instance\" xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\""
            + " xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\">";

    @Test
    void billionLaughs() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE xbrl [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        doc.append("]>\n").append(OPEN).append(CONTEXT)
                .append("<us-gaap:Revenues contextRef=\"c\" unitRef=\"u\" decimals=\"0\">&lol9;</us-gaap:Revenues></xbrl>");
        rejected(doc.toString(), "document type declaration (DTD)");
    }

    @Test
    void externalEntityIsNeverFetched(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "42");
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE xbrl [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n" + OPEN + CONTEXT
                + "<us-gaap:Revenues contextRef=\"c\" unitRef=\"u\" decimals=\"0\">&x;</us-gaap:Revenues></xbrl>";
        rejected(doc, "document type declaration (DTD)");
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE html SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>";
        rejected(external, "document type declaration (DTD)");
    }

    @Test
    void tenThousandDeepNesting() {
        String doc = OPEN + CONTEXT + "<us-gaap:Notes contextRef=\"c\">" + "<a>".repeat(10_000) + "x" + "</a>".repeat(10_000)
                + "</us-gaap:Notes></xbrl>";
        rejected(doc, "nested deeper than 200");
    }

    @Test
    void truncatedRealInstance() throws IOException {
        byte[] whole = Files.readAllBytes(SharedEdgarFiles.require("amzn-20221231_htm.xml"));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        InvalidXbrlException e = assertThrows(InvalidXbrlException.class, () -> new XbrlParser().parse(new ByteArrayInputStream(half)));
        assertTrue(e.getMessage().startsWith("not well-formed XML (truncated or corrupt)"), e.getMessage());
    }

    @Test
    void truncatedInline() throws IOException {
        byte[] whole = FactKeys.class.getResourceAsStream("/xbrl/edge-cases.htm").readAllBytes();
        String cut = new String(whole, 0, whole.length - 200, StandardCharsets.UTF_8);
        rejected(cut, "not well-formed XML (truncated or corrupt)");
    }

    @Test
    void limitsOnTextAndCounts() {
        String longText = OPEN + CONTEXT + "<us-gaap:Notes contextRef=\"c\">" + "x".repeat(5_000) + "</us-gaap:Notes></xbrl>";
        XbrlLimits small = new XbrlLimits(50, 1_000, 10_000, 10, 10, 3);
        rejectedWith(small, longText, "a value longer than 1000 characters");
        String facts = OPEN + CONTEXT + "<us-gaap:Revenues contextRef=\"c\" unitRef=\"u\" decimals=\"0\">1</us-gaap:Revenues>".repeat(4) + "</xbrl>";
        rejectedWith(small, facts, "more than 3 facts");
        StringBuilder contexts = new StringBuilder(OPEN);
        for (int i = 0; i < 11; i++) {
            contexts.append(CONTEXT.replace("id=\"c\"", "id=\"c" + i + "\"").replace("id=\"u\"", "id=\"u" + i + "\""));
        }
        rejectedWith(small, contexts + "</xbrl>", "more than 10 contexts");
    }

    @Test
    void nestedFactsCannotMultiplyTheTextInMemory() {
        String nested = "<ix:nonNumeric name=\"us-gaap:Policy\" contextRef=\"c\">".repeat(40) + "y".repeat(30_000)
                + "</ix:nonNumeric>".repeat(40);
        XbrlLimits limits = new XbrlLimits(200, 100_000, 1_000_000, 10, 10, 100);
        // 30,000 characters of document, held once per enclosing fact: 1.2 million
        rejectedWith(limits, inline(nested), "more than 1000000 characters of text facts");
    }

    @Test
    void factsThatCannotBeRead() {
        rejected(OPEN + CONTEXT + "<us-gaap:Revenues contextRef=\"nope\" unitRef=\"u\" decimals=\"0\">1</us-gaap:Revenues></xbrl>",
                "refers to context \"nope\", which the document does not define");
        rejected(OPEN + CONTEXT + "<us-gaap:Revenues contextRef=\"c\" unitRef=\"u\" decimals=\"0\">12 million</us-gaap:Revenues></xbrl>",
                "\"12 million\" is not a number");
        rejected(OPEN + CONTEXT.replace("iso4217:USD", "money:USD") + "</xbrl>", "prefix \"money\" of money:USD");
        rejected(inline("<ix:nonFraction name=\"us-gaap:Revenues\" contextRef=\"c\" unitRef=\"u\" format=\"ixt:num-dot-decimal\">12abc</ix:nonFraction>"),
                "num-dot-decimal does not apply to \"12abc\"");
        rejected(inline("<ix:nonFraction name=\"us-gaap:Revenues\" contextRef=\"c\" unitRef=\"u\" format=\"ixt:date-monthname-day-year-en\">1</ix:nonFraction>"),
                "unsupported number transformation {http://www.xbrl.org/inlineXBRL/transformation/2020-02-12}date-monthname-day-year-en");
        rejected(inline("<ix:nonNumeric name=\"us-gaap:Policy\" contextRef=\"c\" continuedAt=\"k1\">a</ix:nonNumeric>"
                        + "<ix:continuation id=\"k1\" continuedAt=\"k1\">b</ix:continuation>"),
                "loop back to k1");
        rejected(inline("<ix:nonFraction name=\"us-gaap:Revenues\" contextRef=\"c\" unitRef=\"u\" sign=\"+\">1</ix:nonFraction>"),
                "sign must be \"-\"");
    }

    @Test
    void notXbrlAtAll() {
        rejected("{\"cik\": 1}", "not well-formed XML");
        rejected("", "not well-formed XML");
        rejected("<rss version=\"2.0\"/>", "neither an XBRL instance (xbrli:xbrl) nor inline XBRL");
        rejected("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>&nbsp;</body></html>", "entity reference &nbsp; at line 1");
        rejected("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>hello</body></html>", "without ix:header");
    }

    private static String inline(String body) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\""
                + " xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\" xmlns:xbrli=\"http://www.xbrl.org/2003/instance\""
                + " xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\"><body>"
                + "<ix:header><ix:resources>" + CONTEXT.replace("<", "<xbrli:").replace("<xbrli:/", "</xbrli:")
                + "</ix:resources></ix:header>" + body + "</body></html>";
    }

    private static void rejected(String document, String reason) {
        rejectedWith(XbrlLimits.defaults(), document, reason);
    }

    private static void rejectedWith(XbrlLimits limits, String document, String reason) {
        InvalidXbrlException e = assertThrows(InvalidXbrlException.class,
                () -> new XbrlParser(limits).parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains(reason), "expected \"" + reason + "\" in: " + e.getMessage());
    }
}
