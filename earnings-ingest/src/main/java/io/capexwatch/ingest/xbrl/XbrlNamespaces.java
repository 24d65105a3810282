package io.capexwatch.ingest.xbrl;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The namespaces the parser recognises, always by URI (filings bind them to whatever prefix they like), and
 * the stable prefix capex-watch names a concept with: the standard taxonomies' usual prefix whatever their
 * year ({@code http://fasb.org/us-gaap/2022} and {@code .../2024} are both "us-gaap"), else the prefix the
 * filing itself declared for the namespace (EDGAR extension prefixes are the company's, e.g. "amzn").
 */
public final class XbrlNamespaces {
    public static final String XBRLI = "http://www.xbrl.org/2003/instance";
    public static final String XBRLDI = "http://xbrl.org/2006/xbrldi";
    public static final String LINK = "http://www.xbrl.org/2003/linkbase";
    public static final String ISO4217 = "http://www.xbrl.org/2003/iso4217";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XHTML = "http://www.w3.org/1999/xhtml";
    public static final String IX_11 = "http://www.xbrl.org/2013/inlineXBRL";
    public static final String IX_10 = "http://www.xbrl.org/2008/inlineXBRL";
    public static final String SEC_CIK_SCHEME = "http://www.sec.gov/CIK";

    /** fasb.org/us-gaap/2024, xbrl.sec.gov/dei/2024, ...: the family name is the prefix. */
    private static final Pattern YEARLY_TAXONOMY =
            Pattern.compile("https?://(?:fasb\\.org|xbrl\\.sec\\.gov)/([a-z0-9-]+)/\\d{4}(?:-\\d{2}-\\d{2})?");
    private static final Map<String, String> FIXED = Map.of(
            XBRLI, "xbrli", XBRLDI, "xbrldi", ISO4217, "iso4217", LINK, "link", XSI, "xsi");

    private XbrlNamespaces() {
    }

    public static boolean isInline(String namespace) {
        return IX_11.equals(namespace) || IX_10.equals(namespace);
    }

    /** @return the standard prefix of a standard taxonomy namespace, or null for anything else */
    public static String standardPrefix(String namespace) {
        String fixed = FIXED.get(namespace);
        if (fixed != null) {
            return fixed;
        }
        Matcher m = YEARLY_TAXONOMY.matcher(namespace);
        return m.matches() ? m.group(1) : null;
    }
}
