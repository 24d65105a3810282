package io.capexwatch.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Who may poll EDGAR until when. */
@Entity
@Table(name = "poller_lease")
public class PollerLeaseEntity {
    @Id
    public String name;

    @Column(nullable = false)
    public String holder;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
