package io.capexwatch.verdict.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A company's last EDGAR status as alerts saw it (UP_TO_DATE or RESULTS_RELEASED_AWAITING_FILING). */
@Entity
@Table(name = "alert_filing_status")
public class AlertFilingStatusEntity {
    @Id
    public Long cik;

    @Column(nullable = false)
    public String ticker;

    @Column(nullable = false)
    public String status;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
