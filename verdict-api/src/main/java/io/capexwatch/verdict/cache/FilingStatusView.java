package io.capexwatch.verdict.cache;

import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FilingStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * A company's EDGAR status as verdicts carry it (field {@code filing}), e.g. "results released, awaiting
 * 10-Q" between an earnings release and the 10-Q's XBRL.
 *
 * @param since when verdict-api first saw this status
 */
@RegisterForReflection
public record FilingStatusView(String status, String detail, Filing lastFiling, Filing resultsRelease, Instant since) {

    static FilingStatusView of(FilingStatus message, Instant now) {
        return new FilingStatusView(message.status(), message.detail(), message.lastFiling(), message.resultsRelease(), now);
    }

    /** The same status, whenever it was first seen. */
    boolean sameAs(FilingStatusView other) {
        return other != null && new FilingStatusView(status, detail, lastFiling, resultsRelease, null)
                .equals(new FilingStatusView(other.status, other.detail, other.lastFiling, other.resultsRelease, null));
    }
}
