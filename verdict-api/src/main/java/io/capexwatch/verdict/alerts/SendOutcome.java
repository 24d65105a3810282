package io.capexwatch.verdict.alerts;

import java.time.Instant;

/**
 * How one attempt went.
 *
 * @param statusCode the receiver's answer; null when there was none (refused, timed out, target refused)
 * @param error      what went wrong; null for a 2xx
 */
public record SendOutcome(Instant startedAt, long durationMs, Integer statusCode, String error) {
    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
