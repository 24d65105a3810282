package io.capexwatch.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * PostgreSQL, Redis and Kafka for the tests and the local run. Each one is embedded (a real server
 * on a free loopback port) unless the environment names an external endpoint for it:
 * {@code CAPEXWATCH_PG_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD}, {@code CAPEXWATCH_REDIS_URL},
 * {@code CAPEXWATCH_KAFKA_BOOTSTRAP}. The embedded ones can be stopped and started again on the same address
 * and data ({@link #stopPostgres()} and the like), for the outage end-to-end tests.
 */
public final class LocalInfrastructure implements AutoCloseable {
    /** One database per service. */
    public static final List<String> DATABASES = List.of("ingest", "tracker", "verdict");

    private static final Logger LOG = Logger.getLogger(LocalInfrastructure.class.getName());
    private static LocalInfrastructure shared;

    private final Endpoints endpoints;
    private final Deque<AutoCloseable> started;
    private final Path throwAwayDir;

    private LocalInfrastructure(Endpoints endpoints, Deque<AutoCloseable> started, Path throwAwayDir) {
        this.endpoints = endpoints;
        this.started = started;
        this.throwAwayDir = throwAwayDir;
    }

    private <T> T embedded(Class<T> type) {
        return started.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " is external, not started here"));
    }

    /** A fast shutdown of the embedded PostgreSQL: every client is disconnected. */
    public void stopPostgres() {
        embedded(EmbeddedPostgresServer.class).stop();
    }

    /** The embedded PostgreSQL again, on the same port and data. */
    public void startPostgres() {
        embedded(EmbeddedPostgresServer.class).start();
    }

    public void stopRedis() {
        embedded(EmbeddedRedisServer.class).stop();
    }

    /** The embedded Redis again on the same port (empty unless it keeps a data directory). */
    public void startRedis() {
        embedded(EmbeddedRedisServer.class).start();
    }

    /** A controlled shutdown of the embedded Kafka broker (SIGTERM). */
    public void stopKafka() {
        embedded(KafkaBrokerProcess.class).stop();
    }

    /** The embedded Kafka broker dies (SIGKILL), as in a crash. */
    public void killKafka() {
        embedded(KafkaBrokerProcess.class).kill();
    }

    /** The embedded Kafka broker again, on the same ports and data; returns once it serves. */
    public void startKafka() {
        embedded(KafkaBrokerProcess.class).start();
    }

    /**
     * Infrastructure shared by every test in this JVM: started on first use, stopped when the JVM exits.
     */
    public static synchronized LocalInfrastructure shared() {
        if (shared == null) {
            shared = start(null, System.getenv());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-infra-stop"));
        }
        return shared;
    }

    /**
     * @param dataDir where data is kept between runs; {@code null} for a throw-away directory
     * @param env     the environment that may name external endpoints
     */
    public static LocalInfrastructure start(Path dataDir, Map<String, String> env) {
        return start(dataDir, env, null);
    }

    /**
     * Developer mode ({@code ./capex-watch infra}): all three embedded, on the given loopback ports, so the
     * services' {@code %dev} profiles find them where they expect; clients use the application user
     * {@link EmbeddedPostgresServer#APP_USER}, as in production, not the superuser.
     */
    public static LocalInfrastructure startOnFixedPorts(Path dataDir, FixedPorts ports) {
        ports.requireFree();
        return start(dataDir, Map.of(), ports);
    }

    private static LocalInfrastructure start(Path dataDir, Map<String, String> env, FixedPorts fixed) {
        Path home = dataDir != null ? dataDir : temporaryDirectory();
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            String pgHost = env.getOrDefault("CAPEXWATCH_PG_HOST", "");
            int pgPort;
            String pgUser = env.getOrDefault("CAPEXWATCH_PG_USER",
                    fixed != null ? EmbeddedPostgresServer.APP_USER : EmbeddedPostgresServer.USER);
            String pgPassword = env.getOrDefault("CAPEXWATCH_PG_PASSWORD",
                    fixed != null ? EmbeddedPostgresServer.APP_PASSWORD : EmbeddedPostgresServer.PASSWORD);
            if (pgHost.isBlank()) {
                Path pgData = dataDir == null ? null : home.resolve("postgres");
                EmbeddedPostgresServer postgres = fixed != null
                        ? EmbeddedPostgresServer.start(pgData, DATABASES, fixed.postgres())
                        : EmbeddedPostgresServer.start(pgData, DATABASES);
                started.push(postgres);
                pgHost = Ports.LOOPBACK;
                pgPort = postgres.port();
            } else {
                pgPort = Integer.parseInt(env.getOrDefault("CAPEXWATCH_PG_PORT", "5432"));
            }

            String redisUrl = external(env, "CAPEXWATCH_REDIS_URL", () -> {
                Path redisData = dataDir == null ? null : home.resolve("redis");
                EmbeddedRedisServer redis = fixed != null
                        ? EmbeddedRedisServer.start(redisData, fixed.redis())
                        : EmbeddedRedisServer.start(redisData);
                started.push(redis);
                return "redis://" + Ports.LOOPBACK + ":" + redis.port();
            });
            String kafka = external(env, "CAPEXWATCH_KAFKA_BOOTSTRAP", () -> {
                KafkaBrokerProcess broker = fixed != null
                        ? KafkaBrokerProcess.start(home.resolve("kafka"), fixed.kafka())
                        : KafkaBrokerProcess.start(home.resolve("kafka"));
                started.push(broker);
                return Ports.LOOPBACK + ":" + broker.port();
            });
            Endpoints endpoints = new Endpoints(pgHost, pgPort, pgUser, pgPassword, redisUrl, kafka);
            LOG.info(() -> "infrastructure ready: PostgreSQL " + endpoints.pgHost() + ":" + endpoints.pgPort()
                    + ", Redis " + endpoints.redisUrl() + ", Kafka " + endpoints.kafkaBootstrap());
            return new LocalInfrastructure(endpoints, started, dataDir == null ? home : null);
        } catch (RuntimeException e) {
            new LocalInfrastructure(null, started, dataDir == null ? home : null).close();
            throw e;
        }
    }

    private static String external(Map<String, String> env, String key, java.util.function.Supplier<String> embedded) {
        String value = env.get(key);
        return value == null || value.isBlank() ? embedded.get() : value;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                LOG.warning("stopping " + server.getClass().getSimpleName() + " failed: " + e);
            }
        }
        if (throwAwayDir != null) {
            deleteRecursively(throwAwayDir);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("capexwatch-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        } catch (IOException e) {
            LOG.warning("could not delete " + dir + ": " + e);
        }
    }
}
