package io.capexwatch.verdict.alerts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** A subscription as served: everything but its secret. @param ticker null: every company */
@RegisterForReflection
public record SubscriptionView(long id, String targetUrl, String format, String ticker, AlertFilters filters,
                               String createdBy, Instant createdAt) {
    static SubscriptionView of(AlertSubscriptionEntity row) {
        return new SubscriptionView(row.id, row.targetUrl, row.format, row.ticker, row.filters, row.createdBy, row.createdAt);
    }
}
