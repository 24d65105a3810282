package io.capexwatch.localinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM-wide {@link LocalInfrastructure}. The init argument
 * {@code database} names the service's own database.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "postgres";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return LocalInfrastructure.shared().endpoints().quarkusConfig(database);
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM; a shutdown hook stops it.
    }
}
