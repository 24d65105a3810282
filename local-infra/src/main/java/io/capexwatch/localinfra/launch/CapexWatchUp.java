package io.capexwatch.localinfra.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./capex-watch up}: starts the infrastructure and the three services, loads the sample
 * companyfacts documents, prints the URLs and runs until Ctrl-C, which stops everything it started.
 *
 * <p>Environment: {@code CAPEXWATCH_DATA_DIR} (default {@code data}), {@code CAPEXWATCH_VERDICT_PORT},
 * {@code CAPEXWATCH_INGEST_PORT}, {@code CAPEXWATCH_TRACKER_PORT}, and the external endpoints
 * {@link io.capexwatch.localinfra.LocalInfrastructure} honours.
 */
public final class CapexWatchUp {
    private CapexWatchUp() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = root.resolve(env.getOrDefault("CAPEXWATCH_DATA_DIR", "data"));
        Path logs = data.resolve("logs");
        System.out.println("capex-watch: starting infrastructure and services (data in " + data + ", logs in " + logs + ")");
        CapexWatchSystem system = CapexWatchSystem.start(root, data, logs, env, service -> port(env, service));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\ncapex-watch: stopping");
            system.close();
            stopped.countDown();
        }, "capex-watch-stop"));

        loadSamples(system.url(Service.EARNINGS_INGEST), root.resolve("samples").resolve("companyfacts"));
        String verdicts = system.url(Service.VERDICT_API);
        System.out.println("""

                capex-watch is up.
                  verdicts        %1$s/api/verdicts
                  one company     %1$s/api/verdicts/GOOGL
                  metrics         %2$s/api/companies/GOOGL/metrics
                  fundamentals    %3$s/api/companies/GOOGL/fundamentals
                  import          curl -H 'Content-Type: application/json' --data-binary @CIK0001652044.json %3$s/api/imports
                  OpenAPI         %1$s/q/openapi  %2$s/q/openapi  %3$s/q/openapi
                Ctrl-C stops everything.
                """.formatted(verdicts, system.url(Service.CAPEX_TRACKER), system.url(Service.EARNINGS_INGEST)));
        stopped.await();
    }

    private static int port(Map<String, String> env, Service service) {
        String key = switch (service) {
            case VERDICT_API -> "CAPEXWATCH_VERDICT_PORT";
            case EARNINGS_INGEST -> "CAPEXWATCH_INGEST_PORT";
            case CAPEX_TRACKER -> "CAPEXWATCH_TRACKER_PORT";
        };
        return Integer.parseInt(env.getOrDefault(key, Integer.toString(service.defaultPort())));
    }

    /** EDGAR itself is not polled yet: the shipped sample documents are imported (idempotent on restart). */
    private static void loadSamples(String ingestUrl, Path dir) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/imports"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("capex-watch: imported " + file.getFileName() + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }
}
