package io.capexwatch.ingest.edgar;

import io.capexwatch.localinfra.EdgarStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the EDGAR stub and points the service's polling at it. Tests trigger polls themselves. */
public class EdgarStubResource implements QuarkusTestResourceLifecycleManager {
    public static final String USER_AGENT = "capex-watch tests tests@capexwatch.io";
    private static EdgarStub stub;

    public static EdgarStub stub() {
        return stub;
    }

    @Override
    public Map<String, String> start() {
        stub = new EdgarStub();
        return Map.of(
                "capexwatch.edgar.base-url", stub.baseUrl(),
                "capexwatch.edgar.user-agent", USER_AGENT,
                "capexwatch.edgar.polling-enabled", "true",
                "capexwatch.edgar.first-poll-delay", "1h",
                "capexwatch.edgar.initial-backoff", "100ms");
    }

    @Override
    public void stop() {
        stub.close();
    }
}
