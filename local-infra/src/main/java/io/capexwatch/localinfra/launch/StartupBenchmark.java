package io.capexwatch.localinfra.launch;

import io.capexwatch.localinfra.LocalInfrastructure;
import io.capexwatch.localinfra.Ports;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/startup-benchmark.sh}: each packaged service started again and again against real
 * infrastructure, with and without the JDK AOT cache ({@code app.aot}, built by {@code -Paot}), measuring
 * the time from process start to the first 200 from {@code /q/health/live} (started: JVM and Quarkus) and
 * from {@code /q/health/ready} (connected to PostgreSQL, Kafka, Redis and serving), and the resident memory
 * when ready. Prints a Markdown table (medians, min and max).
 *
 * <p>Arguments: project root, runs per variant (default 5), and {@code short} for CI: one run per variant, no
 * discarded warm-up start, and the AOT variant only where the build made a cache; then {@code breakdown} to
 * start each service with its start-up steps timed ({@link StartupBreakdown}) and print where the time
 * went (always on in {@code short}, so CI checks that the breakdown still reads the logs).
 */
public final class StartupBenchmark {
    /**
     * The options of every start: the chart's JVM options minus the container-relative heap size, or
     * {@code BENCH_JVM_OPTS} (space-separated) instead.
     */
    private static final List<String> JVM_OPTIONS = options("BENCH_JVM_OPTS", List.of("-Xmx256m"));
    /** {@code BENCH_CACHED_OPTS}: added to the starts with the cache only (the discarded first start migrates). */
    private static final List<String> CACHED_OPTIONS = options("BENCH_CACHED_OPTS", List.of());
    /** {@code BENCH_CACHED_ONLY=1}: no starts without the cache, for comparing options on the cache quickly. */
    private static final boolean CACHED_ONLY = "1".equals(System.getenv("BENCH_CACHED_ONLY"));

    private StartupBenchmark() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean quick = args.length > 2 && args[2].equals("short");
        boolean breakdown = quick || args.length > 3 && args[3].equals("breakdown");
        Map<String, List<StartupBreakdown>> breakdowns = new LinkedHashMap<>();
        Path logs = root.resolve("bench").resolve("results").resolve("startup-logs");
        for (Service service : Service.values()) {
            if (!quick && !Files.isRegularFile(aotCache(root, service))) {
                throw new IllegalStateException(aotCache(root, service) + " is missing: build with ./mvnw -Paot package -DskipTests");
            }
        }
        List<String> rows = new ArrayList<>();
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(null, Map.of())) {
            for (Service service : Service.startOrder()) {
                Map<String, String> env = infrastructure.endpoints().environment(service.database());
                if (!quick) {
                    // One discarded start migrates the database and warms the page cache for both variants.
                    measure(service, root, env, logs, JVM_OPTIONS, null);
                }
                List<String> plain = new ArrayList<>(JVM_OPTIONS);
                if (breakdown) {
                    plain.addAll(StartupBreakdown.JVM_OPTIONS);
                }
                if (!CACHED_ONLY) {
                    rows.add(row(service, "JVM", runs(service, root, env, logs, plain, runs,
                            breakdown ? breakdowns.computeIfAbsent(service.module() + ", JVM", k -> new ArrayList<>()) : null)));
                }
                if (Files.isRegularFile(aotCache(root, service))) {
                    List<String> withCache = new ArrayList<>(plain);
                    // AOTMode=on: fail instead of silently starting without a cache that does not match.
                    withCache.addAll(List.of("-XX:AOTCache=app.aot", "-XX:AOTMode=on"));
                    withCache.addAll(CACHED_OPTIONS);
                    rows.add(row(service, "JVM + AOT cache", runs(service, root, env, logs, withCache, runs,
                            breakdown ? breakdowns.computeIfAbsent(service.module() + ", AOT cache", k -> new ArrayList<>()) : null)));
                } else {
                    System.out.println(service.module() + ": no app.aot (not built with -Paot), AOT variant left out");
                }
            }
        }
        System.out.printf("%n%d runs each, %s, %d cores%n%n", runs, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| service | variant | started (first /q/health/live 200), median (min–max) | ready (first /q/health/ready 200), median (min–max) | RSS when ready, median |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
        if (breakdown) {
            System.out.printf("%nWhere the time to ready went (ms, median of each column over the starts; columns other"
                    + " than the total need not add up to its median)%n%n");
            StartupBreakdown.table(breakdowns).forEach(System.out::println);
            System.out.println();
            StartupBreakdown.subscriptions(breakdowns).forEach(System.out::println);
        }
    }

    private static List<String> options(String variable, List<String> otherwise) {
        String value = System.getenv().getOrDefault(variable, "").trim();
        return value.isEmpty() ? otherwise : List.of(value.split("\\s+"));
    }

    private static Path aotCache(Path root, Service service) {
        return service.jar(root).resolveSibling("app.aot");
    }

    private static List<long[]> runs(Service service, Path root, Map<String, String> env, Path logs, List<String> options, int runs,
                                     List<StartupBreakdown> breakdowns) {
        List<long[]> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(measure(service, root, env, logs, options, breakdowns));
        }
        return results;
    }

    /**
     * @param breakdowns where to add this start's breakdown, read from its log; null for none
     * @return {milliseconds to live, milliseconds to ready, RSS in KiB}
     */
    private static long[] measure(Service service, Path root, Map<String, String> env, Path logs, List<String> options,
                                  List<StartupBreakdown> breakdowns) {
        Path log = logs.resolve(service.module() + ".log");
        long logOffset = size(log);
        long startEpoch = System.currentTimeMillis();
        long start = System.nanoTime();
        try (ServiceProcess process = ServiceProcess.start(service, root, Ports.free(), env, logs, options)) {
            process.awaitHealth("live", Duration.ofMillis(10));
            long live = Duration.ofNanos(System.nanoTime() - start).toMillis();
            process.awaitHealth("ready", Duration.ofMillis(10));
            long ready = Duration.ofNanos(System.nanoTime() - start).toMillis();
            long rss = process.residentKiB();
            System.out.printf("%s %s: started in %d ms, ready in %d ms, RSS %d MiB%n", service.module(), options, live,
                    ready, rss / 1024);
            if (breakdowns != null) {
                breakdowns.add(StartupBreakdown.parse(readFrom(log, logOffset), startEpoch, ready));
            }
            return new long[] {live, ready, rss};
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was appended to the log from {@code offset} on: this one start's output. */
    private static String readFrom(Path file, long offset) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) (in.length() - offset)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(Service service, String variant, List<long[]> results) {
        return "| %s | %s | %s | %s | %d MiB |".formatted(service.module(), variant, spread(results, 0), spread(results, 1),
                sorted(results, 2)[results.size() / 2] / 1024);
    }

    private static String spread(List<long[]> results, int column) {
        long[] values = sorted(results, column);
        return "%d ms (%d–%d)".formatted(values[values.length / 2], values[0], values[values.length - 1]);
    }

    private static long[] sorted(List<long[]> results, int column) {
        return results.stream().mapToLong(r -> r[column]).sorted().toArray();
    }
}
