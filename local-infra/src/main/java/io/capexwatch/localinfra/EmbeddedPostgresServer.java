package io.capexwatch.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 (zonky binaries) on loopback, with one database per service. It can be stopped and
 * started again on the same port and data directory, so clients reconnect to the address they know (the
 * outage tests).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /** The services' own login (their application.properties default), owner of every service database. */
    public static final String APP_USER = "capexwatch";
    public static final String APP_PASSWORD = "capexwatch";

    private final Path dataDir;
    private final boolean throwAway;
    private final List<String> databases;
    private final int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDir, boolean throwAway, List<String> databases, int port) {
        this.dataDir = dataDir;
        this.throwAway = throwAway;
        this.databases = List.copyOf(databases);
        this.port = port;
    }

    /** @param dataDir keeps data between runs when given; a throw-away directory otherwise */
    static EmbeddedPostgresServer start(Path dataDir, List<String> databases) {
        return start(dataDir, databases, Ports.free());
    }

    /** On a given port, e.g. to restart it on its data where clients expect it (the PostgreSQL-outage test). */
    public static EmbeddedPostgresServer start(Path dataDir, List<String> databases, int port) {
        EmbeddedPostgresServer server = dataDir != null
                ? new EmbeddedPostgresServer(dataDir, false, databases, port)
                : new EmbeddedPostgresServer(temporaryDirectory(), true, databases, port);
        server.start();
        return server;
    }

    /** Starts the server (again) on its port and data directory; does nothing if it runs. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", throwAway ? "off" : "on")
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        createDatabases();
    }

    /** A fast shutdown (pg_ctl -m fast): clients are disconnected, the data stays for {@link #start()}. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        } finally {
            postgres = null;
        }
    }

    public int port() {
        return port;
    }

    /**
     * The application user and one database per service, owned by it (so it may create tables in their
     * public schema, PostgreSQL 15+); idempotent on a kept data directory.
     */
    private void createDatabases() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_roles WHERE rolname = '" + APP_USER + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
                }
            }
            for (String database : databases) {
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE \"" + database + "\" OWNER " + APP_USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + databases, e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("capexwatch-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        if (throwAway) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }
}
