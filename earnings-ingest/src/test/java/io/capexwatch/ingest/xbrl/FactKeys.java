package io.capexwatch.ingest.xbrl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: parse a file or a string, and a fact's identity as a comparable text. */
final class FactKeys {
    private FactKeys() {
    }

    static XbrlInstance parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new XbrlParser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XbrlInstance parseResource(String name) {
        try (InputStream in = FactKeys.class.getResourceAsStream("/xbrl/" + name)) {
            return new XbrlParser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XbrlInstance parse(String document) {
        return new XbrlParser().parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
    }

    /** concept | period | dimensions | unit | value | decimals: everything that makes two reports of a fact the same. */
    static String key(InstanceFact f) {
        String value = f.nil() ? "nil" : f.value().stripTrailingZeros().toPlainString();
        return f.concept().qualified() + " | " + f.period() + " | " + f.context().dimensionKey() + " | "
                + f.unit().name() + " | " + value + " | " + f.decimals();
    }

    /** Sorted, duplicates kept: the comparison is of the full multiset of numeric facts. */
    static List<String> numericKeys(XbrlInstance instance) {
        return instance.numericFacts().stream().map(FactKeys::key).sorted().collect(Collectors.toList());
    }
}
