package io.capexwatch.localinfra.launch;

import io.capexwatch.localinfra.LocalInfrastructure;
import io.capexwatch.localinfra.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * discarded warm-up start, and the AOT variant only where the build made a cache.
 */
public final class StartupBenchmark {
    /** The JVM variant's options in the chart, minus the container-relative heap size. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m");

    private StartupBenchmark() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean quick = args.length > 2 && args[2].equals("short");
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
                    measure(service, root, env, logs, JVM_OPTIONS);
                }
                rows.add(row(service, "JVM", runs(service, root, env, logs, JVM_OPTIONS, runs)));
                if (Files.isRegularFile(aotCache(root, service))) {
                    List<String> withCache = new ArrayList<>(JVM_OPTIONS);
                    // AOTMode=on: fail instead of silently starting without a cache that does not match.
                    withCache.addAll(List.of("-XX:AOTCache=app.aot", "-XX:AOTMode=on"));
                    rows.add(row(service, "JVM + AOT cache", runs(service, root, env, logs, withCache, runs)));
                } else {
                    System.out.println(service.module() + ": no app.aot (not built with -Paot), AOT variant left out");
                }
            }
        }
        System.out.printf("%n%d runs each, %s, %d cores%n%n", runs, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| service | variant | started (first /q/health/live 200), median (min–max) | ready (first /q/health/ready 200), median (min–max) | RSS when ready, median |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static Path aotCache(Path root, Service service) {
        return service.jar(root).resolveSibling("app.aot");
    }

    private static List<long[]> runs(Service service, Path root, Map<String, String> env, Path logs, List<String> options, int runs) {
        List<long[]> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(measure(service, root, env, logs, options));
        }
        return results;
    }

    /** @return {milliseconds to live, milliseconds to ready, RSS in KiB} */
    private static long[] measure(Service service, Path root, Map<String, String> env, Path logs, List<String> options) {
        long start = System.nanoTime();
        try (ServiceProcess process = ServiceProcess.start(service, root, Ports.free(), env, logs, options)) {
            process.awaitHealth("live", Duration.ofMillis(10));
            long live = Duration.ofNanos(System.nanoTime() - start).toMillis();
            process.awaitHealth("ready", Duration.ofMillis(10));
            long ready = Duration.ofNanos(System.nanoTime() - start).toMillis();
            long rss = process.residentKiB();
            System.out.printf("%s %s: started in %d ms, ready in %d ms, RSS %d MiB%n", service.module(), options, live,
                    ready, rss / 1024);
            return new long[] {live, ready, rss};
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
