package io.capexwatch.verdict.board;

import io.capexwatch.contracts.messages.Filing;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * A watched company on the board before (and besides) its verdict.
 *
 * @param status     earnings-ingest's poll status, e.g. AWAITING_FIRST_POLL, UP_TO_DATE, POLL_FAILED
 * @param lastFiling the latest 10-Q/10-K seen on EDGAR, null before one was seen
 * @param edgarUrl   the company's filings on EDGAR
 */
@RegisterForReflection
public record WatchedCompanyView(String ticker, long cik, String status, String detail, Filing lastFiling,
                                 Instant polledAt, String edgarUrl) {

    static WatchedCompanyView of(WatchedCompanyEntity e) {
        Filing last = e.lastFilingAccession == null ? null : new Filing(e.lastFilingAccession, e.lastFilingForm, e.lastFilingDate);
        return new WatchedCompanyView(e.ticker, e.cik, e.status, e.detail, last, e.polledAt, EdgarLinks.company(e.cik));
    }
}
