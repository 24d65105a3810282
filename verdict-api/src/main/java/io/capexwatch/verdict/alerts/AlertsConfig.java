package io.capexwatch.verdict.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook alerts ({@code capexwatch.alerts.*}, docs/alerts.md). */
@ConfigMapping(prefix = "capexwatch.alerts")
public interface AlertsConfig {
    /** Targets on loopback, link-local, private, multicast or unspecified addresses are refused unless true. */
    @WithDefault("false")
    boolean allowPrivateTargets();

    @WithDefault("5s")
    Duration connectTimeout();

    /** The whole request, connection included: past it the attempt failed. */
    @WithDefault("10s")
    Duration timeout();

    /** The delay after the first failed attempt; it doubles with each further one, up to {@link #backoffMax()}. */
    @WithDefault("2s")
    Duration backoffInitial();

    @WithDefault("10m")
    Duration backoffMax();

    /** After this many failed attempts a delivery is DEAD, until an admin redelivers it. */
    @WithDefault("10")
    int maxAttempts();

    /** How often each replica looks for due deliveries. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries one sender claims per round. */
    @WithDefault("20")
    int batchSize();

    /** How long a claimed delivery belongs to its sender; must exceed {@link #timeout()}. */
    @WithDefault("60s")
    Duration lease();

    /** Whether this replica sends deliveries (every replica may: claims keep each delivery to one sender). */
    @WithDefault("true")
    boolean workerEnabled();
}
