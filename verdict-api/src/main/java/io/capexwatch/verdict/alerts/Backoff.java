package io.capexwatch.verdict.alerts;

import java.time.Duration;

/**
 * Exponential backoff with jitter: after failed attempt n the delay is initial × 2^(n−1), capped at max, then
 * drawn between half of it and all of it, so receivers that failed together are not retried together.
 */
final class Backoff {
    private Backoff() {
    }

    /** @param random uniform in [0, 1) */
    static Duration after(int failedAttempts, Duration initial, Duration max, double random) {
        double full = Math.min(max.toMillis(), initial.toMillis() * Math.pow(2, Math.max(0, failedAttempts - 1)));
        return Duration.ofMillis(Math.round(full / 2 + random * full / 2));
    }
}
