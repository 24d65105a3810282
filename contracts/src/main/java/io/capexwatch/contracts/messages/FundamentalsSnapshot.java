package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * earnings-ingest → capex-tracker, topic {@code fundamentals}, keyed by CIK. Carries the company's complete
 * current set of quarters (event-carried state), so a consumer needs no other state and a duplicate or
 * redelivered message is recognised by its {@code revision}, which grows whenever the set changes.
 *
 * @param changes exactly the values that changed since the previously published revision (every value on a
 *                company's first publication): what an amendment restated, without diffing the quarters
 */
@RegisterForReflection
public record FundamentalsSnapshot(int schemaVersion, long cik, String ticker, String entityName, long revision,
                                   Instant publishedAt, List<FiscalQuarterFundamentals> quarters,
                                   List<QuarterChange> changes) implements Snapshot {
    public static final int SCHEMA_VERSION = 1;
}
