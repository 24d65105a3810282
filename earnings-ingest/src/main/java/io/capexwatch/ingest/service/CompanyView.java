package io.capexwatch.ingest.service;

import io.capexwatch.ingest.repository.PollStatus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A watched company as the API shows it.
 *
 * @param status       where the company stands with EDGAR; {@code statusDetail} says it in words
 * @param lastFiling   the latest 10-Q/10-K (or amendment) seen on EDGAR, null before the first poll
 */
public record CompanyView(String ticker, long cik, String entityName, long revision, long publishedRevision,
                          Instant lastImportAt, Instant lastPollAt, PollStatus status, String statusDetail,
                          FilingView lastFiling, FilingView lastResultsRelease) {

    public record FilingView(String accession, String form, LocalDate filed) {
    }
}
