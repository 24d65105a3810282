package io.capexwatch.ingest.edgar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a fact must look like before it is stored. An amount no filing can hold makes the whole document
 * implausible (422); a fact with impossible dates is left out with a warning saying why. Fractional dollars
 * are kept as filed; the quarter derived from them is rounded to whole USD and flagged
 * {@code FRACTIONAL_USD_ROUNDED}.
 */
public final class FactChecks {
    /**
     * No filing reports an amount of a quadrillion dollars (10^15) or more: the largest figures on EDGAR, a
     * bank's total assets, are a few trillion.
     */
    static final BigDecimal MAX_ABS_USD = new BigDecimal("1E15");
    /** The as-filed facts keep four decimal places; a value with more is not a reported amount. */
    static final int MAX_DECIMALS = 4;
    /** EDGAR's first electronic filings: no filing, and no fiscal year one labels, is older. */
    static final int FIRST_EDGAR_YEAR = 1993;
    /** The oldest and newest period dates accepted; a comparative never goes back further. */
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    private FactChecks() {
    }

    /** @return why {@code value} cannot be a reported USD amount, if it cannot */
    public static Optional<String> implausibleAmount(BigDecimal value) {
        if (value.abs().compareTo(MAX_ABS_USD) >= 0) {
            return Optional.of(value + " USD is not below 10^15, more than any filing reports");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.of(value + " has more than " + MAX_DECIMALS + " decimal places");
        }
        return Optional.empty();
    }

    /** @return why the fact is left out, if it is */
    public static Optional<String> ignoredBecause(XbrlFact fact) {
        for (LocalDate day : new LocalDate[]{fact.start(), fact.end(), fact.filed()}) {
            if (day != null && (day.isBefore(EARLIEST_DATE) || day.isAfter(LATEST_DATE))) {
                return Optional.of("date " + day + " is outside " + EARLIEST_DATE + ".." + LATEST_DATE);
            }
        }
        if (fact.start() != null && fact.end().isBefore(fact.start())) {
            return Optional.of("end " + fact.end() + " precedes start " + fact.start());
        }
        if (fact.filed().getYear() < FIRST_EDGAR_YEAR) {
            return Optional.of("filed " + fact.filed() + ", before EDGAR existed (" + FIRST_EDGAR_YEAR + ")");
        }
        if (fact.fy() != null && (fact.fy() < FIRST_EDGAR_YEAR || fact.fy() > fact.filed().getYear() + 1)) {
            return Optional.of("fiscal year " + fact.fy() + " is outside " + FIRST_EDGAR_YEAR + ".."
                    + (fact.filed().getYear() + 1) + " for a filing of " + fact.filed());
        }
        return Optional.empty();
    }
}
