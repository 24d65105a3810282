package io.capexwatch.ingest.edgar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** SEC EDGAR access ({@code capexwatch.edgar.*}), within the SEC's fair-access rules. */
@ConfigMapping(prefix = "capexwatch.edgar")
public interface EdgarConfig {
    /** The SEC allows at most 10 requests per second per user, across the whole service. */
    double FAIR_ACCESS_MAX_RATE = 10.0;

    @WithDefault("https://data.sec.gov")
    String baseUrl();

    /**
     * Where the filing archive is (the filing index and documents under /Archives/edgar/data/...): www.sec.gov
     * for data.sec.gov, else (a mirror, a test stub) the base URL itself.
     */
    Optional<String> archiveBaseUrl();

    default String archiveUrl() {
        return archiveBaseUrl().orElse(baseUrl().replaceFirst("^https://data\\.sec\\.gov/?$", "https://www.sec.gov"));
    }

    /** "Company Name contact@example.com", as the SEC requires. Without it the service does not poll. */
    Optional<String> userAgent();

    @WithDefault("true")
    boolean pollingEnabled();

    /** How often every watched company is checked; 60s suits earnings week. */
    @WithDefault("300s")
    Duration pollInterval();

    @WithDefault("10s")
    Duration firstPollDelay();

    /** Requests per second across the service; at most 10. */
    @WithDefault("5")
    double requestsPerSecond();

    @WithDefault("20s")
    Duration timeout();

    /** Retries after a 403 (rate threshold), 429, 5xx or connection error, with exponential backoff. */
    @WithDefault("4")
    int maxRetries();

    @WithDefault("2s")
    Duration initialBackoff();

    /**
     * How long companyfacts may lag a 10-Q/10-K that submissions already lists before each further poll logs
     * a WARN and counts {@code capexwatch.edgar.xbrl_lag_exceeded}; it usually catches up within minutes.
     */
    @WithDefault("2h")
    Duration xbrlLagWarning();

    /**
     * How many of the latest periodic reports (10-Q, 10-K, amendments) have their own XBRL fetched from the
     * archive, the latest included: the latest decides the filing status, the older ones bring what
     * companyfacts lacks (extension concepts, dimensions) for the quarters that TTMs and year-ago comparisons
     * use. 8 is two fiscal years; 1 fetches the latest only. Older reports are fetched only where the archive
     * serves this company's filings (the latest's own XBRL is stored).
     */
    @WithDefault("8")
    int xbrlBackfillReports();

    /**
     * How long the polling replica's lease (one poller across replicas) lasts past each poll it starts: a
     * replica that dies is taken over after at most this long. It must outlast a whole poll cycle; by default
     * three poll intervals plus a minute.
     */
    Optional<Duration> leaseTtl();
}
