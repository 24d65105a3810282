package io.capexwatch.verdict.board;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A watched company and its latest EDGAR status, as earnings-ingest last announced it. */
@Entity
@Table(name = "watched_company")
public class WatchedCompanyEntity {
    @Id
    public Long cik;

    @Column(nullable = false)
    public String ticker;

    @Column(nullable = false)
    public String status;

    /** {@code text}: Hibernate Reactive's schema validation matches it by name only. */
    @Column(columnDefinition = "text")
    public String detail;

    @Column(name = "last_filing_accession")
    public String lastFilingAccession;

    @Column(name = "last_filing_form")
    public String lastFilingForm;

    @Column(name = "last_filing_date")
    public LocalDate lastFilingDate;

    @Column(name = "polled_at")
    public Instant polledAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
