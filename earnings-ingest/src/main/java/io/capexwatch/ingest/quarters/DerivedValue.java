package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.ingest.edgar.XbrlFact;

import java.util.List;

/**
 * A metric's value for one fiscal quarter, with where it came from.
 *
 * @param source      the fact the value was read from; for a derived value the year-to-date fact it was computed from
 * @param derivation  {@code reported}, or the year-to-date difference used, e.g. {@code 9M-6M}, {@code FY-9M}
 * @param derivedFrom the facts subtracted (minuend first); empty when reported
 */
public record DerivedValue(FundamentalMetric metric, FiscalQuarter quarter, long value, XbrlFact source,
                           String derivation, List<XbrlFact> derivedFrom, List<String> flags) {
    public static final String NEGATIVE_DERIVED_VALUE = "NEGATIVE_DERIVED_VALUE";
    /**
     * A fact the value rests on was filed negative for an amount that is never negative (e.g. capex): the
     * value may look normal (a larger Q4 after a negative 9M), so it is flagged whatever its own sign.
     */
    public static final String NEGATIVE_REPORTED_VALUE = "NEGATIVE_REPORTED_VALUE";
    /** From a concept the company has since replaced: the newer one has no data for this period. */
    public static final String STALE_CONCEPT = "STALE_CONCEPT";
    public static final String FRACTIONAL_USD_ROUNDED = "FRACTIONAL_USD_ROUNDED";
}
