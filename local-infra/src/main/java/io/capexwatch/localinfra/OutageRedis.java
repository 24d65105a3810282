package io.capexwatch.localinfra;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * A test's own Redis, which the test stops and starts again (same port; it comes back empty, like a cache
 * restarted without persistence) to play an outage while the other test classes keep the shared one. Use
 * {@link #configOverrides} in a QuarkusTestProfile and {@link #stop}/{@link #start} in the test. As for
 * {@link OutagePostgres}, the server is held by the JVM's platform MBean server, which the profile's and the
 * test's class loaders both reach.
 */
public final class OutageRedis {
    private OutageRedis() {
    }

    /** Operations reached through JMX. */
    public interface ControlMBean {
        void stop();

        void start();

        int getPort();
    }

    /** Starts the server called {@code name} (once per JVM) and returns the Redis client setting pointing at it. */
    public static Map<String, String> configOverrides(String name) {
        return Map.of("quarkus.redis.hosts", "redis://" + Ports.LOOPBACK + ":" + port(name));
    }

    /** Stops the server; clients get connection refused on its port until {@link #start}. */
    public static void stop(String name) {
        invoke(name, "stop");
    }

    /** Starts it again (empty) on the same port; does nothing if it runs. */
    public static void start(String name) {
        invoke(name, "start");
    }

    private static int port(String name) {
        synchronized (System.class) {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName objectName = objectName(name);
            try {
                if (!server.isRegistered(objectName)) {
                    Control control = new Control(Ports.free());
                    control.start();
                    server.registerMBean(new StandardMBean(control, ControlMBean.class), objectName);
                }
                return (Integer) server.getAttribute(objectName, "Port");
            } catch (JMException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void invoke(String name, String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(objectName(name), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("could not " + operation + " the outage Redis " + name, e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName("io.capexwatch.test:type=OutageRedis,name=" + name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Control implements ControlMBean {
        private final int port;
        private EmbeddedRedisServer server;

        Control(int port) {
            this.port = port;
        }

        @Override
        public synchronized void stop() {
            if (server != null) {
                server.stop();
                server = null;
            }
        }

        @Override
        public synchronized void start() {
            if (server == null) {
                server = EmbeddedRedisServer.start(null, port);
            }
        }

        @Override
        public int getPort() {
            return port;
        }
    }
}
