package io.capexwatch.localinfra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the infrastructure lives, embedded or external. {@link #quarkusConfig(String)} gives the
 * configuration a service needs for its own database, in Quarkus property names.
 */
public record Endpoints(String pgHost, int pgPort, String pgUser, String pgPassword,
                        String redisUrl, String kafkaBootstrap) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public Map<String, String> quarkusConfig(String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.reactive.url", reactiveUrl(database));
        config.put("quarkus.datasource.username", pgUser);
        config.put("quarkus.datasource.password", pgPassword);
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        config.put("quarkus.redis.hosts", redisUrl);
        return config;
    }

    /** The same settings as environment variables, the way Kubernetes passes them. */
    public Map<String, String> environment(String database) {
        Map<String, String> env = new LinkedHashMap<>();
        quarkusConfig(database).forEach((key, value) ->
                env.put(key.toUpperCase().replace('.', '_').replace('-', '_'), value));
        return env;
    }
}
