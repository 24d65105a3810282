package io.capexwatch.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A watched company and the outbox state of its quarters. */
@Entity
@Table(name = "company")
public class CompanyEntity {
    @Id
    public Long cik;

    @Column(nullable = false, unique = true)
    public String ticker;

    @Column(name = "entity_name")
    public String entityName;

    @Column(nullable = false)
    public long revision;

    @Column(name = "published_revision", nullable = false)
    public long publishedRevision;

    @Column(name = "last_import_at")
    public Instant lastImportAt;

    public boolean unpublished() {
        return revision > publishedRevision;
    }
}
