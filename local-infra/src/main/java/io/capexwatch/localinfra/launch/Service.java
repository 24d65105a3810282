package io.capexwatch.localinfra.launch;

import java.nio.file.Path;
import java.util.List;

/** The three capex-watch services: module, default HTTP port, own database. */
public enum Service {
    EARNINGS_INGEST("earnings-ingest", 8081, "ingest"),
    CAPEX_TRACKER("capex-tracker", 8082, "tracker"),
    VERDICT_API("verdict-api", 8080, "verdict");

    private final String module;
    private final int defaultPort;
    private final String database;

    Service(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    /** The packaged application (Quarkus fast-jar) under the project root. */
    public Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** Start order: consumers before producers, so nothing waits on an absent consumer group. */
    public static List<Service> startOrder() {
        return List.of(VERDICT_API, CAPEX_TRACKER, EARNINGS_INGEST);
    }
}
