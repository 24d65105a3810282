package io.capexwatch.ingest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import io.capexwatch.ingest.quarters.MetricConcepts;
import io.capexwatch.ingest.quarters.Normalizer;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Companyfacts parsing speed, run by bench/parse-benchmark.sh (not a test): a plain Jackson tree parse of
 * the whole document next to capex-watch's single streaming pass, and the pass plus quarter derivation.
 * Prints one Markdown table row per measurement (median of the timed rounds, after warm-up rounds).
 */
public final class ParseBenchmark {
    private static final int WARMUP = 60;
    private static final int ROUNDS = 120;
    /** Keeps results alive so the JIT cannot drop the work. */
    private static volatile Object sink;

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] document = Files.readAllBytes(Path.of(args[0]));
        double megabytes = document.length / 1_000_000.0;
        ObjectMapper mapper = new ObjectMapper();
        CompanyFactsParser parser = new CompanyFactsParser(MetricConcepts.allConcepts());

        System.out.printf("%s, %.2f MB%n%n", Path.of(args[0]).getFileName(), megabytes);
        System.out.println("| what | median | throughput | p10 | p90 |");
        System.out.println("|---|---:|---:|---:|---:|");
        report("Jackson readTree (whole document, baseline)", megabytes, () -> {
            try {
                return mapper.readTree(document);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        report("capex-watch streaming parse (wanted concepts only)", megabytes,
                () -> parser.parse(new ByteArrayInputStream(document)));
        report("streaming parse + fiscal calendar + all metrics' quarters", megabytes, () -> {
            CompanyFacts facts = parser.parse(new ByteArrayInputStream(document));
            return Normalizer.normalize(facts);
        });
    }

    private static void report(String what, double megabytes, Supplier<Object> work) {
        for (int i = 0; i < WARMUP; i++) {
            sink = work.get();
        }
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            sink = work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double medianMs = nanos[ROUNDS / 2] / 1_000_000.0;
        System.out.printf("| %s | %.1f ms | %.0f MB/s | %.1f ms | %.1f ms |%n", what, medianMs,
                megabytes / (medianMs / 1000.0), nanos[ROUNDS / 10] / 1e6, nanos[ROUNDS * 9 / 10] / 1e6);
    }
}
