package io.capexwatch.localinfra.launch;

import io.capexwatch.localinfra.AdminCredentials;
import io.capexwatch.localinfra.LocalInfrastructure;
import io.capexwatch.localinfra.Ports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * The whole system on one machine: infrastructure (embedded unless the environment names external
 * endpoints) and the three packaged services as separate processes. Used by {@code ./capex-watch up}
 * and by the end-to-end tests.
 */
public final class CapexWatchSystem implements AutoCloseable {
    /**
     * Small heaps and C1 only: three services, Kafka, PostgreSQL, Redis and a build must fit a 2-core CI
     * machine and start fast (the end-to-end tests). {@code CAPEXWATCH_SERVICE_JVM_OPTS} replaces them;
     * {@code ./capex-watch up} passes {@link #UP_JVM_OPTIONS}.
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx192m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m");

    /**
     * What {@code ./capex-watch up} runs the services with: full tiered JIT (C1 then C2), because C1 alone
     * capped polling throughput at about a quarter of nginx's (docs/benchmarks.md); still small heaps and
     * the serial collector for a 2-core machine.
     */
    public static final List<String> UP_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private final LocalInfrastructure infrastructure;
    private final AdminCredentials admin;
    /** Replicas in order; an entry is replaced when a replica is started again. */
    private final Map<Service, List<ServiceProcess>> services;

    private CapexWatchSystem(LocalInfrastructure infrastructure, AdminCredentials admin, Map<Service, List<ServiceProcess>> services) {
        this.infrastructure = infrastructure;
        this.admin = admin;
        this.services = services;
    }

    /**
     * @param dataDir where PostgreSQL, Redis and Kafka keep data, and where logs go; null for a throw-away run
     * @param ports   the HTTP port of each service
     */
    public static CapexWatchSystem start(Path projectRoot, Path dataDir, Path logDir, Map<String, String> env,
                                         ToIntFunction<Service> ports) {
        return start(projectRoot, dataDir, logDir, env, ports, 1);
    }

    /**
     * @param replicas instances of every service, all started at once (as a Kubernetes rollout would); the
     *                 first listens on the given port, the others on free ports, logs under replica-N
     */
    public static CapexWatchSystem start(Path projectRoot, Path dataDir, Path logDir, Map<String, String> env,
                                         ToIntFunction<Service> ports, int replicas) {
        return start(projectRoot, dataDir, logDir, env, ports, service -> replicas);
    }

    /**
     * @param replicas instances of each service (e.g. two verdict-api replicas and one of the others, for the
     *                 push benchmark), all started at once; the first listens on the given port, the others
     *                 on free ports, logs under replica-N
     */
    public static CapexWatchSystem start(Path projectRoot, Path dataDir, Path logDir, Map<String, String> env,
                                         ToIntFunction<Service> ports, ToIntFunction<Service> replicas) {
        LocalInfrastructure infrastructure = LocalInfrastructure.start(dataDir, env);
        AdminCredentials admin = AdminCredentials.create(dataDir);
        Map<Service, List<ServiceProcess>> services = new EnumMap<>(Service.class);
        CapexWatchSystem system = new CapexWatchSystem(infrastructure, admin, services);
        try {
            List<ServiceProcess> started = new ArrayList<>();
            for (Service service : Service.startOrder()) {
                Map<String, String> serviceEnv = new java.util.HashMap<>(infrastructure.endpoints().environment(service.database()));
                serviceEnv.putAll(adminEnvironment(admin, env));
                if (service == Service.VERDICT_API) {
                    // The board's share of all filers' capex: the SEC frames, read by earnings-ingest.
                    serviceEnv.put("QUARKUS_REST_CLIENT_INGEST_URL", "http://127.0.0.1:" + ports.applyAsInt(Service.EARNINGS_INGEST));
                }
                if (service == Service.CAPEX_TRACKER) {
                    // Point-in-time metrics read earnings-ingest's as-filed fundamentals.
                    serviceEnv.put("QUARKUS_REST_CLIENT_INGEST_URL", "http://127.0.0.1:" + ports.applyAsInt(Service.EARNINGS_INGEST));
                    if ("true".equalsIgnoreCase(env.get("CAPEXWATCH_AUTH_READS_REQUIRE_TOKEN"))) {
                        serviceEnv.put("CAPEXWATCH_INGEST_API_KEY", admin.apiKey());
                    }
                }
                for (int replica = 1; replica <= replicas.applyAsInt(service); replica++) {
                    ServiceProcess process = ServiceProcess.start(service, projectRoot,
                            replica == 1 ? ports.applyAsInt(service) : Ports.free(), replicaEnvironment(serviceEnv, env, replica),
                            replica == 1 ? logDir : logDir.resolve("replica-" + replica), jvmOptions(env));
                    services.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).add(process);
                    started.add(process);
                }
            }
            started.forEach(ServiceProcess::awaitReady);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** The admin API key and JWT public key, unless the environment configures its own. */
    private static Map<String, String> adminEnvironment(AdminCredentials admin, Map<String, String> env) {
        Map<String, String> auth = new java.util.HashMap<>();
        if (!env.containsKey("CAPEXWATCH_AUTH_API_KEYS")) {
            auth.put("CAPEXWATCH_AUTH_API_KEYS", admin.apiKey());
        }
        if (!env.containsKey("MP_JWT_VERIFY_PUBLICKEY") && !env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            auth.put("MP_JWT_VERIFY_PUBLICKEY", admin.jwtPublicKey());
            auth.put("MP_JWT_VERIFY_ISSUER", AdminCredentials.ISSUER);
        }
        return auth;
    }

    /**
     * EDGAR settings given in {@code env} reach every replica, with {@code {replica}} replaced by its number
     * (tests tell the replicas apart by their User-Agent).
     */
    private static Map<String, String> replicaEnvironment(Map<String, String> serviceEnv, Map<String, String> env, int replica) {
        Map<String, String> replicaEnv = new java.util.HashMap<>(serviceEnv);
        env.forEach((key, value) -> {
            if (key.startsWith("CAPEXWATCH_EDGAR_")) {
                replicaEnv.put(key, value.replace("{replica}", Integer.toString(replica)));
            }
        });
        return replicaEnv;
    }

    public AdminCredentials admin() {
        return admin;
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

    /** The first replica's base URL. */
    public String url(Service service) {
        return services.get(service).get(0).baseUrl();
    }

    /** The running process of replica {@code index} (0 is the first), e.g. to tell which one polls by its log. */
    public ServiceProcess replica(Service service, int index) {
        return services.get(service).get(index);
    }

    /** SIGKILL for replica {@code index} of a service: no graceful shutdown, in-flight work is lost. */
    public void kill(Service service, int index) {
        replica(service, index).kill();
    }

    /**
     * Replica {@code index}, killed or stopped before, started again on its port with its configuration;
     * returns once it is ready.
     */
    public void startAgain(Service service, int index) {
        ServiceProcess restarted = replica(service, index).startAgain();
        services.get(service).set(index, restarted);
        restarted.awaitReady();
    }

    /** Every replica's base URL, first replica first. */
    public List<String> urls(Service service) {
        return services.get(service).stream().map(ServiceProcess::baseUrl).toList();
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    @Override
    public void close() {
        List<ServiceProcess> running = services.values().stream().flatMap(List::stream).toList();
        running.parallelStream().forEach(ServiceProcess::close);
        infrastructure.close();
    }
}
