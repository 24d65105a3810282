package io.capexwatch.ingest.bench;

import io.capexwatch.ingest.xbrl.AsFiledFacts;
import io.capexwatch.ingest.xbrl.XbrlInstance;
import io.capexwatch.ingest.xbrl.XbrlParser;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * XBRL parsing speed, run by bench/parse-benchmark.sh (not a test): for each document, a bare StAX pass
 * over every event (the floor: the JDK's tokenizer, nothing kept) next to capex-watch's parse into contexts,
 * units and facts, and the parse plus the mapping to as-filed facts. Prints Markdown table rows (median of
 * the timed rounds, after warm-up rounds).
 */
public final class XbrlParseBenchmark {
    private static final int WARMUP = 150;
    private static final int ROUNDS = 100;
    private static final String[] FILES = {"aapl-20250329.htm", "aapl-20250329_htm.xml", "amzn-20221231_htm.xml"};
    /** Keeps results alive so the JIT cannot drop the work. */
    private static volatile Object sink;

    private XbrlParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/edgar");
        XbrlParser parser = new XbrlParser();
        XMLInputFactory stax = XMLInputFactory.newDefaultFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        System.out.println("| document | what | facts | median | throughput | p10 | p90 |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (String name : FILES) {
            byte[] document = Files.readAllBytes(dir.resolve(name));
            double megabytes = document.length / 1_000_000.0;
            XbrlInstance once = parser.parse(new ByteArrayInputStream(document));
            String label = name + " (" + (once.form() == XbrlInstance.Form.INLINE ? "inline" : "instance")
                    + String.format(", %.2f MB)", megabytes);
            report(label, "bare StAX pass (baseline)", "", megabytes, () -> {
                try {
                    XMLStreamReader reader = stax.createXMLStreamReader(new ByteArrayInputStream(document));
                    int events = 0;
                    while (reader.hasNext()) {
                        reader.next();
                        events++;
                    }
                    reader.close();
                    return events;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            report(label, "capex-watch parse (contexts, units, all facts)", String.valueOf(once.facts().size()), megabytes,
                    () -> parser.parse(new ByteArrayInputStream(document)));
            report(label, "parse + as-filed USD facts", String.valueOf(
                    AsFiledFacts.of(once, "bench", "10-Q", LocalDate.EPOCH).size()), megabytes,
                    () -> AsFiledFacts.of(parser.parse(new ByteArrayInputStream(document)), "bench", "10-Q", LocalDate.EPOCH));
        }
    }

    private static void report(String document, String what, String facts, double megabytes, Supplier<Object> work) {
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
        System.out.printf("| %s | %s | %s | %.1f ms | %.0f MB/s | %.1f ms | %.1f ms |%n", document, what, facts, medianMs,
                megabytes / (medianMs / 1000.0), nanos[ROUNDS / 10] / 1e6, nanos[ROUNDS * 9 / 10] / 1e6);
    }
}
