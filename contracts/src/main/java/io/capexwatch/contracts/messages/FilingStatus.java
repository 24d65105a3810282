package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * earnings-ingest → verdict-api, topic {@code filing-status}, keyed by CIK: where a company stands with
 * EDGAR after each poll, e.g. {@code RESULTS_RELEASED_AWAITING_FILING} when an earnings release (8-K item
 * 2.02) is newer than the latest 10-Q/10-K. Sent after every poll, changed or not, so a lost message is
 * made good by the next poll; consumers ignore repeats.
 *
 * @param status         UP_TO_DATE, RESULTS_RELEASED_AWAITING_FILING, AWAITING_XBRL (a 10-Q/10-K listed on
 *                       EDGAR whose figures companyfacts does not carry yet), POLL_FAILED, AWAITING_FIRST_POLL or
 *                       NOT_WATCHED (removed from the watchlist: no longer polled, its stored figures stay; sent
 *                       on removal and with every announcement, so a lost one is made good)
 * @param detail         the status in words
 * @param lastFiling     the latest 10-Q/10-K (or amendment) seen on EDGAR; null before one was seen
 * @param resultsRelease the latest earnings release (8-K item 2.02) seen; null if none
 */
@RegisterForReflection
public record FilingStatus(int schemaVersion, long cik, String ticker, String status, String detail, Filing lastFiling,
                           Filing resultsRelease, Instant polledAt) implements CompanyMessage {
    public static final int SCHEMA_VERSION = 1;
    public static final String RESULTS_RELEASED_AWAITING_FILING = "RESULTS_RELEASED_AWAITING_FILING";
    public static final String AWAITING_XBRL = "AWAITING_XBRL";
    public static final String NOT_WATCHED = "NOT_WATCHED";
}
