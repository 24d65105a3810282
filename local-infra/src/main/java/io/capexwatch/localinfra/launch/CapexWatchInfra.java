package io.capexwatch.localinfra.launch;

import io.capexwatch.localinfra.Endpoints;
import io.capexwatch.localinfra.FixedPorts;
import io.capexwatch.localinfra.LocalInfrastructure;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./capex-watch infra}: developer mode. Only PostgreSQL, Redis and Kafka, embedded, on the fixed
 * loopback ports the services' {@code %dev} profiles use ({@link FixedPorts}), data kept in
 * {@code data/dev}; runs in the foreground until Ctrl-C or SIGTERM, which stops them.
 */
public final class CapexWatchInfra {
    private CapexWatchInfra() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = root.resolve(env.getOrDefault("CAPEXWATCH_DATA_DIR", "data")).resolve("dev");
        FixedPorts ports = FixedPorts.from(env);
        System.out.println("capex-watch: starting PostgreSQL, Redis and Kafka for developer mode (data in " + data + ")");
        LocalInfrastructure infrastructure = LocalInfrastructure.startOnFixedPorts(data, ports);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\ncapex-watch: stopping PostgreSQL, Redis and Kafka");
            infrastructure.close();
            stopped.countDown();
        }, "capex-watch-infra-stop"));
        Endpoints endpoints = infrastructure.endpoints();
        System.out.println("""

                capex-watch infrastructure is up (developer mode).
                  PostgreSQL  %1$s:%2$d  user %3$s / password %4$s, databases %5$s
                  Redis       %6$s
                  Kafka       %7$s
                Now, in another terminal, e.g.:
                  ./mvnw quarkus:dev -pl earnings-ingest    (http://127.0.0.1:8081, admin key "dev-admin-key")
                  ./mvnw quarkus:dev -pl capex-tracker      (http://127.0.0.1:8082)
                  ./mvnw quarkus:dev -pl verdict-api        (http://127.0.0.1:8080)
                Ctrl-C stops them.
                """.formatted(endpoints.pgHost(), endpoints.pgPort(), endpoints.pgUser(), endpoints.pgPassword(),
                String.join(", ", LocalInfrastructure.DATABASES), endpoints.redisUrl(), endpoints.kafkaBootstrap()));
        stopped.await();
    }
}
