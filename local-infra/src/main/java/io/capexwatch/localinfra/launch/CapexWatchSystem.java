package io.capexwatch.localinfra.launch;

import io.capexwatch.localinfra.LocalInfrastructure;
import io.capexwatch.localinfra.Ports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The whole system on one machine: infrastructure (embedded unless the environment names external
 * endpoints) and the three packaged services as separate processes. Used by {@code ./capex-watch up}
 * and by the end-to-end tests.
 */
public final class CapexWatchSystem implements AutoCloseable {
    /**
     * Small heaps and C1 only: three services, Kafka, PostgreSQL, Redis and a build must fit a 2-core CI
     * machine and start fast. {@code CAPEXWATCH_SERVICE_JVM_OPTS} replaces them (the benchmarks use full JIT).
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx192m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m");

    private final LocalInfrastructure infrastructure;
    private final Map<Service, ServiceProcess> services;

    private CapexWatchSystem(LocalInfrastructure infrastructure, Map<Service, ServiceProcess> services) {
        this.infrastructure = infrastructure;
        this.services = services;
    }

    /**
     * @param dataDir where PostgreSQL, Redis and Kafka keep data, and where logs go; null for a throw-away run
     * @param ports   the HTTP port of each service
     */
    public static CapexWatchSystem start(Path projectRoot, Path dataDir, Path logDir, Map<String, String> env,
                                         ToIntFunction<Service> ports) {
        LocalInfrastructure infrastructure = LocalInfrastructure.start(dataDir, env);
        Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
        CapexWatchSystem system = new CapexWatchSystem(infrastructure, services);
        try {
            List<ServiceProcess> started = new ArrayList<>();
            for (Service service : Service.startOrder()) {
                ServiceProcess process = ServiceProcess.start(service, projectRoot, ports.applyAsInt(service),
                        infrastructure.endpoints().environment(service.database()), logDir, jvmOptions(env));
                services.put(service, process);
                started.add(process);
            }
            started.forEach(ServiceProcess::awaitReady);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private static List<String> jvmOptions(Map<String, String> env) {
        String configured = env.get("CAPEXWATCH_SERVICE_JVM_OPTS");
        return configured == null || configured.isBlank() ? SERVICE_JVM_OPTIONS : List.of(configured.trim().split("\\s+"));
    }

    /** Free loopback ports for every service (tests). */
    public static ToIntFunction<Service> freePorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
        }
        return ports::get;
    }

    public String url(Service service) {
        return services.get(service).baseUrl();
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        running.parallelStream().forEach(ServiceProcess::close);
        infrastructure.close();
    }
}
