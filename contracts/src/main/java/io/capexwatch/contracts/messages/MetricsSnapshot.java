package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * capex-tracker → verdict-api, topic {@code metrics}, keyed by CIK: the company's complete metric series,
 * oldest quarter first. {@code revision} grows whenever the series changes.
 */
@RegisterForReflection
public record MetricsSnapshot(int schemaVersion, long cik, String ticker, String entityName, long revision,
                              long fundamentalsRevision, Instant publishedAt, List<QuarterMetrics> quarters)
        implements Snapshot {
    public static final int SCHEMA_VERSION = 1;

    /** The same with every ratio at {@link QuarterMetrics#RATIO_SCALE} decimals, as sent (see {@link QuarterMetrics#withRatioScale()}). */
    public MetricsSnapshot withRatioScale() {
        return new MetricsSnapshot(schemaVersion, cik, ticker, entityName, revision, fundamentalsRevision, publishedAt,
                quarters == null ? null : quarters.stream().map(QuarterMetrics::withRatioScale).toList());
    }
}
