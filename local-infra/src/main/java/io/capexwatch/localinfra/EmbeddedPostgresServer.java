package io.capexwatch.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A real PostgreSQL 17 (zonky binaries) on loopback, with one database per service. */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** @param dataDir keeps data between runs when given; a throw-away directory otherwise */
    static EmbeddedPostgresServer start(Path dataDir, List<String> databases) {
        return start(dataDir, databases, Ports.free());
    }

    /** On a given port, e.g. to restart it on its data where clients expect it (the PostgreSQL-outage test). */
    public static EmbeddedPostgresServer start(Path dataDir, List<String> databases, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on");
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            server.createDatabases(databases);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    private void createDatabases(List<String> databases) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + databases, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
