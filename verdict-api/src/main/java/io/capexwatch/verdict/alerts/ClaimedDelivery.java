package io.capexwatch.verdict.alerts;

import java.time.Instant;
import java.util.UUID;

/** A delivery a sender holds until {@code lockedUntil}: what to send, where, and signed with what. */
public record ClaimedDelivery(long id, UUID claimToken, Instant lockedUntil, UUID eventKey, String eventType, String ticker,
                              String targetUrl, String secret, String body, int attempts) {
    @Override
    public String toString() {
        return "delivery " + id + " of event " + eventKey + " (" + ticker + ")";
    }
}
