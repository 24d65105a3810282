package io.capexwatch.ingest.repository;

import io.capexwatch.ingest.edgar.XbrlFact;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One fact of one filing reported with different values: by companyfacts and the filing's own XBRL, or by
 * one source whose document changed its answer (SAME_SOURCE_DISAGREEMENT).
 *
 * @param stored   the fact as stored (first), with its source
 * @param incoming the other source's value, which is not stored in filed_fact
 */
public record FactDisagreement(long cik, String concept, String dimensions, String unit, LocalDate start, LocalDate end,
                               String accession, BigDecimal storedValue, String storedSource, BigDecimal incomingValue,
                               String incomingSource) {

    public FactDisagreement(long cik, FiledFactEntity stored, XbrlFact incoming, String incomingSource) {
        this(cik, stored.concept, stored.dimensions, stored.unit, stored.periodStart, stored.periodEnd, stored.accession,
                stored.value, stored.source, incoming.value(), incomingSource);
    }

    /** "SOURCE_DISAGREEMENT NetCash... 2025-01-01..2025-09-30 in 0001018724-25-000123: COMPANYFACTS 85055000000, INSTANCE 85056000000; kept COMPANYFACTS" */
    public String describe() {
        return (storedSource.equals(incomingSource) ? "SAME_SOURCE_DISAGREEMENT " : "SOURCE_DISAGREEMENT ") + concept + (dimensions.isEmpty() ? "" : " [" + dimensions + "]") + " "
                + (start == null ? "at " + end : start + ".." + end) + " in " + accession + ": " + storedSource + " "
                + storedValue.stripTrailingZeros().toPlainString() + ", " + incomingSource + " "
                + incomingValue.stripTrailingZeros().toPlainString() + "; the stored " + storedSource + " value is kept";
    }
}
