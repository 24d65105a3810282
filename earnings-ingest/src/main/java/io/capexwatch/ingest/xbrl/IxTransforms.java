package io.capexwatch.ingest.xbrl;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The number transformations of the Inline XBRL Transformation Registries (TR1 to TR5, namespaces
 * www.xbrl.org/inlineXBRL/transformation/...) and of the SEC's registry (ixt-sec, 2015-08-31) that EDGAR
 * filings use on {@code ix:nonFraction}: the displayed text to a non-negative xs:decimal (sign and scale are
 * the fact's attributes, applied by the parser). A format this class does not know is an error, never a
 * guess.
 */
final class IxTransforms {
    static final String SEC = "http://www.sec.gov/inlineXBRL/transformation/2015-08-31";
    private static final Set<String> IXT = Set.of(
            "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20",
            "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31",
            "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26",
            "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12",
            "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16");

    private enum Kind { DOT_DECIMAL, DOT_DECIMAL_APOS, COMMA_DECIMAL, COMMA_DECIMAL_APOS, SPACE_DOT, SPACE_COMMA,
        COMMA_ONLY, ZERO_DASH, FIXED_ZERO }

    /** Local names across the registries (TR1 names, TR2/3 names, TR4/5 hyphenated names). */
    private static final Map<String, Kind> IXT_NUMBERS = Map.ofEntries(
            Map.entry("numcommadot", Kind.DOT_DECIMAL), Map.entry("numdotdecimal", Kind.DOT_DECIMAL),
            Map.entry("num-dot-decimal", Kind.DOT_DECIMAL), Map.entry("num-dot-decimal-apos", Kind.DOT_DECIMAL_APOS),
            Map.entry("numdotcomma", Kind.COMMA_DECIMAL), Map.entry("numcommadecimal", Kind.COMMA_DECIMAL),
            Map.entry("num-comma-decimal", Kind.COMMA_DECIMAL),
            Map.entry("num-comma-decimal-apos", Kind.COMMA_DECIMAL_APOS),
            Map.entry("numspacedot", Kind.SPACE_DOT), Map.entry("numspacecomma", Kind.SPACE_COMMA),
            Map.entry("numcomma", Kind.COMMA_ONLY),
            Map.entry("numdash", Kind.ZERO_DASH), Map.entry("zerodash", Kind.ZERO_DASH),
            Map.entry("fixed-zero", Kind.FIXED_ZERO));

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
    /** The dashes TR2+ zerodash accepts (hyphen-minus, Armenian and Hebrew hyphens, the Unicode dashes). */
    private static final Pattern DASH = Pattern.compile("[\\-\u058A\u05BE\u2010-\u2015\uFE58\uFE63\uFF0D]");

    private IxTransforms() {
    }

    /** Without a format the content itself must be a non-negative decimal. */
    static BigDecimal plain(String text) {
        return decimal(collapse(text), text, "no format");
    }

    /**
     * @param namespace the format QName's namespace URI (resolved from the filing's own prefix binding)
     * @return the non-negative value the text shows
     * @throws IllegalArgumentException naming the format and the text when it does not apply
     */
    static BigDecimal number(String namespace, String localName, String text) {
        String format = "{" + namespace + "}" + localName;
        if (IXT.contains(namespace)) {
            Kind kind = IXT_NUMBERS.get(localName);
            if (kind != null) {
                return apply(kind, text, localName);
            }
        } else if (SEC.equals(namespace) && "numwordsen".equals(localName)) {
            return EnglishNumbers.parse(text);
        }
        throw new IllegalArgumentException("unsupported number transformation " + format);
    }

    private static BigDecimal apply(Kind kind, String text, String format) {
        String s = collapse(text);
        return switch (kind) {
            case FIXED_ZERO -> BigDecimal.ZERO;
            case ZERO_DASH -> {
                if (!DASH.matcher(s).matches()) {
                    throw new IllegalArgumentException(format + " expects a dash, found \"" + s + "\"");
                }
                yield BigDecimal.ZERO;
            }
            case DOT_DECIMAL -> decimal(strip(s, ", \u00A0"), text, format);
            case DOT_DECIMAL_APOS -> decimal(strip(s, ", \u00A0'`\u00B4\u2019\u2032"), text, format);
            case COMMA_DECIMAL -> decimal(strip(s, ". \u00A0").replace(',', '.'), text, format);
            case COMMA_DECIMAL_APOS -> decimal(strip(s, ". \u00A0'`\u00B4\u2019\u2032").replace(',', '.'), text, format);
            case SPACE_DOT -> decimal(strip(s, " \u00A0"), text, format);
            case SPACE_COMMA -> decimal(strip(s, " \u00A0").replace(',', '.'), text, format);
            case COMMA_ONLY -> decimal(s.replace(',', '.'), text, format);
        };
    }

    private static BigDecimal decimal(String candidate, String original, String format) {
        if (!DECIMAL.matcher(candidate).matches()) {
            throw new IllegalArgumentException(format + " does not apply to \"" + collapse(original) + "\"");
        }
        return new BigDecimal(candidate);
    }

    private static String strip(String s, String characters) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (characters.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** XML whitespace collapsed and trimmed, as the registries do before matching. */
    static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\r]+", " ").trim();
    }

    /** ixt-sec:numwordsen: "no", "none", "zero", "two", "twenty-five", "one hundred and five", "three million". */
    static final class EnglishNumbers {
        private static final Map<String, Integer> SMALL = Map.ofEntries(
                Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
                Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
                Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
                Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
                Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
                Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
                Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
                Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
        private static final Map<String, BigDecimal> SCALES = Map.of(
                "thousand", BigDecimal.valueOf(1_000L), "million", BigDecimal.valueOf(1_000_000L),
                "billion", BigDecimal.valueOf(1_000_000_000L), "trillion", BigDecimal.valueOf(1_000_000_000_000L));

        private EnglishNumbers() {
        }

        static BigDecimal parse(String text) {
            String s = collapse(text).toLowerCase(Locale.ROOT);
            if (s.equals("no") || s.equals("none")) {
                return BigDecimal.ZERO;
            }
            String[] words = s.replace('-', ' ').replace(',', ' ').trim().split(" +");
            BigDecimal total = BigDecimal.ZERO;
            long group = 0;
            boolean any = false;
            for (String word : words) {
                if (word.equals("and") && any) {
                    continue;
                }
                Integer small = SMALL.get(word);
                if (small != null) {
                    group += small;
                } else if (word.equals("hundred") && any) {
                    group *= 100;
                } else if (SCALES.containsKey(word) && any) {
                    total = total.add(BigDecimal.valueOf(group).multiply(SCALES.get(word)));
                    group = 0;
                } else {
                    throw new IllegalArgumentException("numwordsen does not apply to \"" + collapse(text) + "\"");
                }
                any = true;
            }
            if (!any) {
                throw new IllegalArgumentException("numwordsen does not apply to an empty value");
            }
            return total.add(BigDecimal.valueOf(group));
        }
    }
}
