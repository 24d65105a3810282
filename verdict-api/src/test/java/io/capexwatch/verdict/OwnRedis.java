package io.capexwatch.verdict;

import io.capexwatch.localinfra.OutageRedis;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.Map;

/**
 * The profile of the tests that stop Redis: their own server ({@link OutageRedis} {@value #NAME}), so
 * stopping it leaves the other test classes alone. Each test class using it starts the server before it and
 * stops it after it (classes of one profile share one application). Snapshots refresh every second, so a
 * test sees Redis come back soon.
 */
public class OwnRedis implements QuarkusTestProfile {
    public static final String NAME = "verdict";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(OutageRedis.configOverrides(NAME));
        OutageRedis.start(NAME);
        overrides.put("capexwatch.cache.refresh-interval", "1s");
        return overrides;
    }
}
