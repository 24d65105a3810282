package io.capexwatch.ingest.edgar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One fact of an EDGAR companyfacts document, as filed. {@code fy}/{@code fp} describe the filing the fact
 * came in, not the period the fact measures; only {@code start}/{@code end} say that.
 *
 * @param start      null for instant (balance-sheet) facts
 * @param dimensions the explicit (and typed) members of the fact's context as a stable key,
 *                   "us-gaap:SomeAxis=amzn:SomeMember;..." (see XbrlContext#dimensionKey); empty for a fact
 *                   without dimensions, which is all companyfacts carries
 */
public record XbrlFact(String concept, String unit, LocalDate start, LocalDate end, BigDecimal value,
                       String accession, Integer fy, String fp, String form, LocalDate filed, String dimensions) {

    public XbrlFact {
        dimensions = dimensions == null ? "" : dimensions;
    }

    /** A fact without dimensions, as companyfacts reports every fact. */
    public XbrlFact(String concept, String unit, LocalDate start, LocalDate end, BigDecimal value,
                    String accession, Integer fy, String fp, String form, LocalDate filed) {
        this(concept, unit, start, end, value, accession, fy, fp, form, filed, "");
    }

    public boolean hasDimensions() {
        return !dimensions.isEmpty();
    }

    public boolean isDuration() {
        return start != null;
    }

    public long durationDays() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean fromAnnualReport() {
        return "10-K".equals(form) || "10-K/A".equals(form);
    }

    public boolean fromQuarterlyReport() {
        return "10-Q".equals(form) || "10-Q/A".equals(form);
    }

    public boolean fromPeriodicReport() {
        return fromAnnualReport() || fromQuarterlyReport();
    }
}
