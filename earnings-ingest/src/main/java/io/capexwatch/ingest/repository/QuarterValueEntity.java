package io.capexwatch.ingest.repository;

import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.SourceFact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.List;

/** The current value of one metric for one fiscal quarter, with its provenance. */
@Entity
@Table(name = "quarter_value")
public class QuarterValueEntity {
    @Id
    // Blocks of 50 ids from the column's sequence (V12 sets its increment to match), so inserts batch.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quarter_value_seq")
    @SequenceGenerator(name = "quarter_value_seq", sequenceName = "quarter_value_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public Long cik;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FundamentalMetric metric;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "fiscal_quarter", nullable = false)
    public int fiscalQuarter;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "value_usd", nullable = false)
    public long valueUsd;

    @Column(nullable = false)
    public String concept;

    @Column(nullable = false)
    public String accession;

    @Column(nullable = false)
    public String form;

    @Column(nullable = false)
    public LocalDate filed;

    @Column(nullable = false)
    public String derivation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public QuarterValueDetails details;

    /** The company revision in which this value last changed. */
    @Column(name = "changed_in_revision", nullable = false)
    public long changedInRevision;

    /** The facts a derived value was computed from, and its data-quality flags (a JSON object column). */
    public record QuarterValueDetails(List<SourceFact> derivedFrom, List<String> flags) {
    }
}
