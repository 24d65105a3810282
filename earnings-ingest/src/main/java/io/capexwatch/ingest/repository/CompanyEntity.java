package io.capexwatch.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A watched company and the outbox state of its quarters. Writers of the revision lock the row first
 * ({@link CompanyRepository#findForUpdate}); the poller writes only its own columns
 * ({@link CompanyRepository#updatePollState}); an UPDATE writes only the columns that changed.
 */
@Entity
@DynamicUpdate
@Table(name = "company")
public class CompanyEntity {
    @Id
    public Long cik;

    @Column(nullable = false, unique = true)
    public String ticker;

    @Column(name = "entity_name")
    public String entityName;

    /** False once removed from the watchlist: no longer polled, data kept. */
    @Column(nullable = false)
    public boolean watched = true;

    @Column(nullable = false)
    public long revision;

    @Column(name = "published_revision", nullable = false)
    public long publishedRevision;

    @Column(name = "last_import_at")
    public Instant lastImportAt;

    @Column(name = "last_poll_at")
    public Instant lastPollAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "poll_status", nullable = false)
    public PollStatus pollStatus = PollStatus.AWAITING_FIRST_POLL;

    @Column(name = "poll_detail")
    public String pollDetail;

    @Column(name = "last_filing_accession")
    public String lastFilingAccession;

    @Column(name = "last_filing_form")
    public String lastFilingForm;

    @Column(name = "last_filing_date")
    public LocalDate lastFilingDate;

    @Column(name = "results_release_accession")
    public String resultsReleaseAccession;

    @Column(name = "results_release_date")
    public LocalDate resultsReleaseDate;

    @Column(name = "submissions_etag")
    public String submissionsEtag;

    @Column(name = "submissions_last_modified")
    public String submissionsLastModified;

    @Column(name = "facts_etag")
    public String factsEtag;

    @Column(name = "facts_last_modified")
    public String factsLastModified;

    /** The filing listed in submissions whose facts companyfacts does not carry yet (status AWAITING_XBRL). */
    @Column(name = "awaiting_xbrl_accession")
    public String awaitingXbrlAccession;

    @Column(name = "awaiting_xbrl_since")
    public Instant awaitingXbrlSince;

    /** Its own measures per quarter (definitions file), as last derived; null before the first import. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "company_measures")
    public MeasuresByQuarter companyMeasures;

    public boolean unpublished() {
        return revision > publishedRevision;
    }
}
