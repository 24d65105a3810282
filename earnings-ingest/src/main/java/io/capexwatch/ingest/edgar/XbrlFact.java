package io.capexwatch.ingest.edgar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One fact of an EDGAR companyfacts document, as filed. {@code fy}/{@code fp} describe the filing the fact
 * came in, not the period the fact measures; only {@code start}/{@code end} say that.
 *
 * @param start null for instant (balance-sheet) facts
 */
public record XbrlFact(String concept, String unit, LocalDate start, LocalDate end, BigDecimal value,
                       String accession, Integer fy, String fp, String form, LocalDate filed) {

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
