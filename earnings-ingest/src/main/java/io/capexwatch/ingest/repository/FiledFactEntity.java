package io.capexwatch.ingest.repository;

import io.capexwatch.ingest.edgar.XbrlFact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One XBRL fact exactly as a filing reported it. Never changed once stored. */
@Entity
@Table(name = "filed_fact")
public class FiledFactEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "filed_fact_seq")
    @SequenceGenerator(name = "filed_fact_seq", sequenceName = "filed_fact_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public Long cik;

    @Column(nullable = false)
    public String concept;

    @Column(nullable = false)
    public String unit;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(nullable = false, precision = 28, scale = 4)
    public BigDecimal value;

    @Column(nullable = false)
    public String accession;

    @Column(nullable = false)
    public String form;

    @Column(nullable = false)
    public LocalDate filed;

    public Integer fy;

    public String fp;

    /** The fact's dimensions ({@link XbrlFact#dimensions()}), empty for none. */
    @Column(nullable = false)
    public String dimensions = "";

    /** The document it came from: COMPANYFACTS, INSTANCE or INLINE. */
    @Column(nullable = false)
    public String source;

    public static FiledFactEntity of(long cik, XbrlFact fact, String source) {
        FiledFactEntity entity = new FiledFactEntity();
        entity.cik = cik;
        entity.concept = fact.concept();
        entity.unit = fact.unit();
        entity.periodStart = fact.start();
        entity.periodEnd = fact.end();
        entity.value = fact.value();
        entity.accession = fact.accession();
        entity.form = fact.form();
        entity.filed = fact.filed();
        entity.fy = fact.fy();
        entity.fp = fact.fp();
        entity.dimensions = fact.dimensions();
        entity.source = source;
        return entity;
    }

    public XbrlFact toFact() {
        return new XbrlFact(concept, unit, periodStart, periodEnd, value, accession, fy, fp, form, filed, dimensions);
    }

    /** What makes a fact the same fact: concept, dimensions, unit, period and filing. */
    public static String key(XbrlFact fact) {
        return fact.concept() + "|" + fact.dimensions() + "|" + fact.unit() + "|" + fact.start() + "|" + fact.end()
                + "|" + fact.accession();
    }
}
