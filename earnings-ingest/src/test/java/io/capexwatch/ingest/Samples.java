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

    public static byte[] read(String name) {
        Path file = Path.of(System.getProperty("capexwatch.samples", "../samples")).resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
