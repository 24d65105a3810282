package io.capexwatch.ingest.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The poller's columns of one company to write, and nothing else: a poll never rewrites the revision,
 * the published marker or the name an import is changing at the same time.
 */
public final class PollStateUpdate {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public PollStateUpdate polledAt(Instant at) {
        return set("lastPollAt", at);
    }

    public PollStateUpdate status(PollStatus status, String detail) {
        set("pollStatus", status);
        return set("pollDetail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)));
    }

    public PollStateUpdate submissionsValidators(String etag, String lastModified) {
        set("submissionsEtag", etag);
        return set("submissionsLastModified", lastModified);
    }

    public PollStateUpdate factsValidators(String etag, String lastModified) {
        set("factsEtag", etag);
        return set("factsLastModified", lastModified);
    }

    /** The latest 10-Q/10-K whose facts are stored (or that companyfacts carries). */
    public PollStateUpdate lastFiling(String accession, String form, LocalDate filed) {
        set("lastFilingAccession", accession);
        set("lastFilingForm", form);
        return set("lastFilingDate", filed);
    }

    public PollStateUpdate resultsRelease(String accession, LocalDate filed) {
        set("resultsReleaseAccession", accession);
        return set("resultsReleaseDate", filed);
    }

    /** @param accession null once nothing is awaited */
    public PollStateUpdate awaitingXbrl(String accession, Instant since) {
        set("awaitingXbrlAccession", accession);
        return set("awaitingXbrlSince", since);
    }

    /** Entity attribute → new value, in the order set. */
    Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    private PollStateUpdate set(String attribute, Object value) {
        fields.put(attribute, value);
        return this;
    }
}
