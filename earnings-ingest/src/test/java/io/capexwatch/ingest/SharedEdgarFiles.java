package io.capexwatch.ingest;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real EDGAR responses kept beside the project in ../shared/edgar (never copied into it). Tests that
 * need them are skipped, with a message saying so, where they are absent.
 */
public final class SharedEdgarFiles {
    private SharedEdgarFiles() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("capexwatch.shared.edgar", "../../shared/edgar"));
    }

    public static Path require(String name) {
        Path file = dir().resolve(name);
        Assumptions.assumeTrue(Files.isReadable(file),
                "skipped: real EDGAR file " + file.toAbsolutePath() + " is absent (see ../shared/edgar/SOURCES.md)");
        return file;
    }
}
