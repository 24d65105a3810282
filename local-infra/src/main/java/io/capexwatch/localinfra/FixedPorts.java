package io.capexwatch.localinfra;

import java.util.Map;

/**
 * The loopback ports of developer mode: where the services' {@code %dev} profiles expect PostgreSQL, Redis
 * and Kafka (their standard ports unless {@code CAPEXWATCH_INFRA_PG_PORT}, {@code _REDIS_PORT},
 * {@code _KAFKA_PORT} say otherwise).
 */
public record FixedPorts(int postgres, int redis, int kafka) {
    public static final FixedPorts STANDARD = new FixedPorts(5432, 6379, 9092);

    public static FixedPorts from(Map<String, String> env) {
        return new FixedPorts(
                port(env, "CAPEXWATCH_INFRA_PG_PORT", STANDARD.postgres()),
                port(env, "CAPEXWATCH_INFRA_REDIS_PORT", STANDARD.redis()),
                port(env, "CAPEXWATCH_INFRA_KAFKA_PORT", STANDARD.kafka()));
    }

    private static int port(Map<String, String> env, String key, int standard) {
        String value = env.get(key);
        return value == null || value.isBlank() ? standard : Integer.parseInt(value.trim());
    }

    /** Fails with the port's name rather than with a server's bind error deep in its log. */
    void requireFree() {
        Map.of("PostgreSQL", postgres, "Redis", redis, "Kafka", kafka).forEach((server, port) -> {
            if (Ports.isOpen(port)) {
                throw new IllegalStateException("port " + port + " on " + Ports.LOOPBACK + " is in use, " + server
                        + " cannot listen there: stop what holds it or choose another port (CAPEXWATCH_INFRA_*_PORT)");
            }
        });
    }
}
