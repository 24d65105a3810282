package io.capexwatch.ingest.service;

import java.time.Instant;

/** A watched company as the API shows it. */
public record CompanyView(String ticker, long cik, String entityName, long revision, long publishedRevision,
                          Instant lastImportAt) {
}
