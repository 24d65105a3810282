package io.capexwatch.verdict.repository;

import io.capexwatch.verdict.rules.VerdictState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One evaluation of one company. */
@Entity
@Table(name = "verdict")
public class VerdictEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Long cik;

    @Column(nullable = false)
    public String ticker;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerdictState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_state")
    public VerdictState previousState;

    @Column(name = "state_since", nullable = false)
    public Instant stateSince;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "metrics_revision", nullable = false)
    public long metricsRevision;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    /** The verdict JSON as served ({@code text}: Hibernate Reactive's schema validation matches it by name only). */
    @Column(nullable = false, columnDefinition = "text")
    public String body;
}
