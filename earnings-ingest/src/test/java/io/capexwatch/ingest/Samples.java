package io.capexwatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own sample documents under samples/, written from public reported figures. */
public final class Samples {
    public static final long ALPHABET_CIK = 1_652_044L;

    private Samples() {
    }

    public static byte[] alphabetCompanyFacts() {
        return read("companyfacts/CIK0001652044.json");
    }

    /** Alphabet's document filed under another CIK, for a test company of its own (add it to the watchlist first). */
    public static byte[] alphabetCompanyFactsAs(long cik) {
        String document = new String(alphabetCompanyFacts(), java.nio.charset.StandardCharsets.UTF_8);
        if (!document.contains("\"cik\": 1652044,")) {
            throw new IllegalStateException("the sample document no longer starts with \"cik\": 1652044");
        }
        return document.replaceFirst("\"cik\": 1652044,", "\"cik\": " + cik + ",").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static byte[] read(String name) {
        Path file = Path.of(System.getProperty("capexwatch.samples", "../samples")).resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
