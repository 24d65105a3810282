package io.capexwatch.ingest.messaging;

import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.localinfra.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Holds the watchlist's advisory lock (as a second replica seeding at the same moment would) from before the
 * application starts until its seeder has waited for it for {@link #HELD_AFTER_SEEDER_WAITS}: the scheduler is
 * running by then, so a job that lists the watchlist without waiting for the seeder sees it without the
 * companies configured for the test.
 */
public class SeedingHeldResource implements QuarkusTestResourceLifecycleManager {
    static final Duration HELD_AFTER_SEEDER_WAITS = Duration.ofSeconds(3);

    private Thread holder;

    @Override
    public Map<String, String> start() {
        var endpoints = LocalInfrastructure.shared().endpoints();
        Connection connection;
        try {
            connection = DriverManager.getConnection(endpoints.jdbcUrl("ingest"), endpoints.pgUser(), endpoints.pgPassword());
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, CompanyRepository.WATCHLIST_LOCK);
                lock.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the watchlist lock", e);
        }
        holder = Thread.ofPlatform().name("watchlist-lock-holder").start(() -> holdThenRelease(connection));
        return Map.of();
    }

    private static void holdThenRelease(Connection connection) {
        try (connection) {
            awaitSeederWaiting(connection);
            Thread.sleep(HELD_AFTER_SEEDER_WAITS);
        } catch (SQLException | InterruptedException e) {
            // Closing the connection releases the lock either way; the test then fails on what it asserts.
        }
    }

    /** Until another session waits for the watchlist lock (pg_locks splits a bigint key into classid and objid). */
    private static void awaitSeederWaiting(Connection connection) throws SQLException, InterruptedException {
        long key = CompanyRepository.WATCHLIST_LOCK;
        try (PreparedStatement waiting = connection.prepareStatement("select count(*) from pg_locks where locktype = 'advisory'"
                + " and not granted and classid::bigint = ? and objid::bigint = ? and objsubid = 1")) {
            waiting.setLong(1, key >>> 32);
            waiting.setLong(2, key & 0xFFFF_FFFFL);
            for (int attempt = 0; attempt < 600; attempt++) {
                try (ResultSet rs = waiting.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void stop() {
        if (holder != null) {
            holder.interrupt();
        }
    }
}
