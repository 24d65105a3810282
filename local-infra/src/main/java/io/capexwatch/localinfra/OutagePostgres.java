package io.capexwatch.localinfra;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A test's own PostgreSQL, which the test stops and starts again (same port, same data) to play an outage
 * while the other test classes keep the shared one. Use {@link #configOverrides} in a QuarkusTestProfile and
 * {@link #stop}/{@link #start} in the test. Quarkus loads a profile and its test in different class loaders,
 * so the server is held by the JVM's platform MBean server, which both reach.
 */
public final class OutagePostgres {
    private OutagePostgres() {
    }

    /** Operations reached through JMX. */
    public interface ControlMBean {
        void stop() throws IOException;

        void start();

        int getPort();
    }

    /**
     * Starts the server for {@code database} (once per JVM) and returns the datasource settings pointing at it.
     */
    public static Map<String, String> configOverrides(String database) {
        String hostPort = Ports.LOOPBACK + ":" + port(database) + "/" + database;
        return Map.of("quarkus.datasource.reactive.url", "postgresql://" + hostPort,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort,
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
    }

    /** Stops the server; clients get connection refused on its port until {@link #start}. */
    public static void stop(String database) {
        invoke(database, "stop");
    }

    /** Starts it again on the same port and data. */
    public static void start(String database) {
        invoke(database, "start");
    }

    private static int port(String database) {
        synchronized (System.class) {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = name(database);
            try {
                if (!server.isRegistered(name)) {
                    Control control = new Control(database, Files.createTempDirectory("capexwatch-pg-outage-"), Ports.free());
                    control.start();
                    server.registerMBean(new StandardMBean(control, ControlMBean.class), name);
                }
                return (Integer) server.getAttribute(name, "Port");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JMException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void invoke(String database, String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(name(database), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("could not " + operation + " the outage PostgreSQL of " + database, e);
        }
    }

    private static ObjectName name(String database) {
        try {
            return new ObjectName("io.capexwatch.test:type=OutagePostgres,database=" + database);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Control implements ControlMBean {
        private final String database;
        private final Path dataDir;
        private final int port;
        private EmbeddedPostgresServer server;

        Control(String database, Path dataDir, int port) {
            this.database = database;
            this.dataDir = dataDir;
            this.port = port;
        }

        @Override
        public synchronized void stop() throws IOException {
            if (server != null) {
                server.close();
                server = null;
            }
        }

        @Override
        public synchronized void start() {
            if (server == null) {
                server = EmbeddedPostgresServer.start(dataDir, List.of(database), port);
            }
        }

        @Override
        public int getPort() {
            return port;
        }
    }
}
