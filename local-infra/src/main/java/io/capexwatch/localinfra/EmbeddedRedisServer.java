package io.capexwatch.localinfra;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real redis-server on loopback: the one on PATH when there is one, else the binary shipped in embedded-redis.
 * It can be stopped and started again on the same port (and data directory, when it has one; a throw-away
 * server comes back empty, like a restarted cache).
 */
public final class EmbeddedRedisServer implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedRedisServer start(Path dataDir) {
        return start(dataDir, Ports.free());
    }

    /** On a given port, e.g. to restart it where clients expect it (the Redis-outage test). */
    public static EmbeddedRedisServer start(Path dataDir, int port) {
        try {
            var builder = RedisServer.newRedisServer()
                    .executableProvider(executable())
                    .bind(Ports.LOOPBACK)
                    .port(port)
                    .setting("maxmemory 128mb")
                    .onShutdownForceStop(true);
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setting("dir " + dataDir.toAbsolutePath())
                        .setting("appendonly yes");
            } else {
                builder.setting("save \"\"").setting("appendonly no");
            }
            RedisServer server = builder.build();
            server.start();
            return new EmbeddedRedisServer(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start", e);
        }
    }

    private static ExecutableProvider executable() {
        try {
            return ExecutableProvider.newExecutableInPath("redis-server");
        } catch (FileNotFoundException notOnPath) {
            return ExecutableProvider.newJarResourceProvider();
        }
    }

    public int port() {
        return port;
    }

    /** Starts the server again on its port; does nothing if it runs. */
    public synchronized void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start", e);
        }
    }

    /** Stops the process (SIGTERM; SIGKILL when it does not go); {@link #start()} brings it back. */
    public synchronized void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not stop", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
