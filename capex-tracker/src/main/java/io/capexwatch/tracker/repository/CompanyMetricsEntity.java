package io.capexwatch.tracker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A company's metric series state: what it was computed from and what has been published. */
@Entity
@Table(name = "company_metrics")
public class CompanyMetricsEntity {
    @Id
    public Long cik;

    @Column(nullable = false)
    public String ticker;

    @Column(name = "entity_name")
    public String entityName;

    @Column(name = "fundamentals_revision", nullable = false)
    public long fundamentalsRevision;

    @Column(nullable = false)
    public long revision;

    @Column(name = "published_revision", nullable = false)
    public long publishedRevision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean unpublished() {
        return revision > publishedRevision;
    }
}
