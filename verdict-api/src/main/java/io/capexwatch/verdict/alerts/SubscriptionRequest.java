package io.capexwatch.verdict.alerts;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * POST /api/alerts/subscriptions.
 *
 * @param secret  signs every delivery (16 to 256 characters); stored, never returned or logged
 * @param format  json (default) or slack
 * @param ticker  one company, or null for every company
 */
@RegisterForReflection
public record SubscriptionRequest(String targetUrl, String secret, String format, String ticker, AlertFilters filters) {
    @Override
    public String toString() {
        return "SubscriptionRequest[format=" + format + ", ticker=" + ticker + ", filters=" + filters + "]";
    }
}
