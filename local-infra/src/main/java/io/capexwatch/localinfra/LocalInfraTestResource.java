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

    /** The admin credentials every test JVM's services accept. */
    public static final AdminCredentials ADMIN = AdminCredentials.create(null);
    /** A key that may read (where reads require a token) and never write. */
    public static final String READER_API_KEY = "reader-" + java.util.UUID.randomUUID();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(LocalInfrastructure.shared().endpoints().quarkusConfig(database));
        config.put("capexwatch.auth.api-keys", ADMIN.apiKey());
        config.put("capexwatch.auth.reader-api-keys", READER_API_KEY);
        config.put("mp.jwt.verify.publickey", ADMIN.jwtPublicKey());
        config.put("mp.jwt.verify.issuer", AdminCredentials.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM; a shutdown hook stops it.
    }
}
