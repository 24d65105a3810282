package io.capexwatch.localinfra.launch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./capex-watch up}: starts the infrastructure and the three services, loads the sample
 * companyfacts documents, prints the URLs and runs until Ctrl-C, which stops everything it started.
 *
 * <p>Environment: {@code CAPEXWATCH_DATA_DIR} (default {@code data}), {@code CAPEXWATCH_VERDICT_PORT},
 * {@code CAPEXWATCH_INGEST_PORT}, {@code CAPEXWATCH_TRACKER_PORT}, {@code CAPEXWATCH_VERDICT_REPLICAS}
 * (default 1; the push benchmark asks for 2: further verdict-api replicas on free ports, listed before
 * "capex-watch is up"), and the external endpoints {@link io.capexwatch.localinfra.LocalInfrastructure} honours.
 */
public final class CapexWatchUp {
    private CapexWatchUp() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("CAPEXWATCH_SERVICE_JVM_OPTS", String.join(" ", CapexWatchSystem.UP_JVM_OPTIONS));
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = root.resolve(env.getOrDefault("CAPEXWATCH_DATA_DIR", "data"));
        Path logs = data.resolve("logs");
        System.out.println("capex-watch: starting infrastructure and services (data in " + data + ", logs in " + logs + ")");
        int verdictReplicas = Integer.parseInt(env.getOrDefault("CAPEXWATCH_VERDICT_REPLICAS", "1"));
        CapexWatchSystem system = CapexWatchSystem.start(root, data, logs, env, service -> port(env, service),
                service -> service == Service.VERDICT_API ? verdictReplicas : 1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\ncapex-watch: stopping");
            system.close();
            stopped.countDown();
        }, "capex-watch-stop"));

        // The shipped samples are always imported (idempotent); with a User-Agent contact the service also
        // polls live EDGAR, which brings every watched company once it is reachable.
        new CompanyFactsUploader(system.url(Service.EARNINGS_INGEST), system.admin().apiKey())
                .uploadFolder(root.resolve("samples").resolve("companyfacts"));
        String edgar = env.getOrDefault("CAPEXWATCH_EDGAR_USER_AGENT", "").isBlank()
                ? "off (set CAPEXWATCH_EDGAR_USER_AGENT=\"Your Name you@example.com\" to poll data.sec.gov)"
                : "on, as \"" + env.get("CAPEXWATCH_EDGAR_USER_AGENT") + "\"";
        String verdicts = system.url(Service.VERDICT_API);
        if (verdictReplicas > 1) {
            System.out.println("capex-watch: verdict-api replicas " + String.join(" ", system.urls(Service.VERDICT_API)));
        }
        System.out.println("""

                capex-watch is up.
                  verdicts        %1$s/api/verdicts
                  one company     %1$s/api/verdicts/GOOGL
                  metrics         %2$s/api/companies/GOOGL/metrics
                  fundamentals    %3$s/api/companies/GOOGL/fundamentals
                  board           %1$s/
                  import          curl -H "X-API-Key: $(cat %5$s)" -H 'Content-Type: application/json' --data-binary @CIK0001652044.json %3$s/api/imports
                  admin API key   in %5$s (created on first start, owner-only): writes need it, reads are open
                  OpenAPI         %1$s/q/openapi  %2$s/q/openapi  %3$s/q/openapi
                  EDGAR polling   %4$s
                Ctrl-C stops everything.
                """.formatted(verdicts, system.url(Service.CAPEX_TRACKER), system.url(Service.EARNINGS_INGEST), edgar,
                data.resolve("admin-api-key")));
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
}
