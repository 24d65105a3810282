package io.capexwatch.localinfra.launch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filing a folder's XBRL file belongs to, for the import's {@code ?accession=&filed=[&form=]}: from a
 * sidecar {@code <file>.properties}, else from a name that starts {@code <accession>_<filed>_}.
 */
record XbrlFiling(String accession, String filed, String form, boolean inline) {
    private static final Pattern NAMED = Pattern.compile("(\\d{10}-\\d{2}-\\d{6})_(\\d{4}-\\d{2}-\\d{2})_.*");

    static boolean isXbrl(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || name.endsWith(".htm") || name.endsWith(".html") || name.endsWith(".xhtml");
    }

    static Optional<XbrlFiling> of(Path file) {
        boolean inline = !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
        Path sidecar = file.resolveSibling(file.getFileName() + ".properties");
        if (Files.isReadable(sidecar)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + sidecar, e);
            }
            String accession = p.getProperty("accession", "").trim();
            String filed = p.getProperty("filed", "").trim();
            // The service checks the values and names what is wrong; only absent ones are refused here.
            return accession.isEmpty() || filed.isEmpty() ? Optional.empty()
                    : Optional.of(new XbrlFiling(accession, filed, p.getProperty("form", "").trim(), inline));
        }
        Matcher m = NAMED.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(new XbrlFiling(m.group(1), m.group(2), "", inline)) : Optional.empty();
    }

    String contentType() {
        return inline ? "application/xhtml+xml" : "application/xml";
    }

    String query() {
        return "?accession=" + encode(accession) + "&filed=" + encode(filed) + (form.isEmpty() ? "" : "&form=" + encode(form));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
