import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Holds or releases earnings-ingest's EDGAR poller lease (table poller_lease) for the scale benchmark, so
 * polling throughput can be measured with the poller idle: the benchmark takes the lease as a second
 * replica would, and the poller, which takes it at the start of every cycle, stops after the cycle it is in.
 * "hold" returns once no company has been polled for 3 s since the lease was taken (that cycle is over);
 * "release" lets the poller take it again at its next tick.
 * Usage: java -cp "local-infra/target/lib/*" bench/PollerLease.java JDBC_URL USER PASSWORD hold|release
 */
public class PollerLease {
    static final long QUIET_MILLIS = 3_000;
    static final long TIMEOUT_MILLIS = 180_000;

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2]); Statement sql = db.createStatement()) {
            if (args[3].equals("release")) {
                sql.executeUpdate("UPDATE poller_lease SET holder = '', expires_at = TIMESTAMPTZ '1970-01-01Z' WHERE name = 'edgar'");
                return;
            }
            sql.executeUpdate("UPDATE poller_lease SET holder = 'scale-benchmark', expires_at = now() + INTERVAL '1 day' WHERE name = 'edgar'");
            long taken = System.currentTimeMillis();
            while (quietFor(sql, taken) < QUIET_MILLIS) {
                if (System.currentTimeMillis() - taken > TIMEOUT_MILLIS) {
                    throw new IllegalStateException("the poller kept polling for " + TIMEOUT_MILLIS / 1000 + " s after the lease was taken");
                }
                Thread.sleep(250);
            }
            System.out.printf("poller idle %.1f s after taking its lease%n", (System.currentTimeMillis() - taken - QUIET_MILLIS) / 1000.0);
        }
    }

    /** Milliseconds since the last poll of any company, or since the lease was taken if that is later. */
    static long quietFor(Statement sql, long taken) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT (extract(epoch FROM max(last_poll_at)) * 1000)::bigint FROM company")) {
            row.next();
            long lastPoll = row.getLong(1);
            return System.currentTimeMillis() - Math.max(lastPoll, taken);
        }
    }
}
