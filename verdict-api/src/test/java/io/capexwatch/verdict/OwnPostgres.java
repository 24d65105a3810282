package io.capexwatch.verdict;

import io.capexwatch.localinfra.OutagePostgres;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The profile of the tests that stop PostgreSQL: their own server ({@link OutagePostgres}, database
 * {@value #DATABASE}), so stopping it leaves the other test classes alone. Each test class using it starts the
 * server before it and stops it after it (classes of one profile share one application); the application
 * starting finds it running too, even after an earlier class stopped it.
 */
public class OwnPostgres implements QuarkusTestProfile {
    public static final String DATABASE = "verdict";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = OutagePostgres.configOverrides(DATABASE);
        OutagePostgres.start(DATABASE);
        return overrides;
    }
}
