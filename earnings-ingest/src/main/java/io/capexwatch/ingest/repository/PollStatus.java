package io.capexwatch.ingest.repository;

/** Where a company stands with EDGAR. */
public enum PollStatus {
    AWAITING_FIRST_POLL,
    /** The latest 10-Q/10-K (or amendment) has been imported. */
    UP_TO_DATE,
    /**
     * submissions lists a 10-Q/10-K (or amendment) newer than the last one imported, but companyfacts does not
     * carry its facts yet (EDGAR updates the two separately): companyfacts is fetched again on every poll.
     */
    AWAITING_XBRL,
    /** An 8-K with item 2.02 (results of operations) is newer than the latest 10-Q/10-K: numbers are out, XBRL is not. */
    RESULTS_RELEASED_AWAITING_FILING,
    /** The last poll failed; the detail says why. Stored data is untouched. */
    POLL_FAILED
}
