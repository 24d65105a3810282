package io.capexwatch.verdict.rules;

import io.capexwatch.contracts.messages.QuarterMetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * The latest quarter and the same fiscal quarter a year earlier, both with complete trailing-twelve-month
 * OCF and capex: what every rule compares. {@code previous} and {@code previousYearAgo} are the quarter
 * before the latest and its year-earlier twin, for rules that need two quarters running; either may be null.
 */
public record YearOverYear(QuarterMetrics latest, QuarterMetrics yearAgo, QuarterMetrics previous,
                           QuarterMetrics previousYearAgo) {

    public YearOverYear(QuarterMetrics latest, QuarterMetrics yearAgo) {
        this(latest, yearAgo, null, null);
    }

    /** Growth of a TTM figure over the year: now / then − 1, four decimals; null if either is missing or then ≤ 0. */
    public static BigDecimal growth(QuarterMetrics now, QuarterMetrics then, Function<QuarterMetrics, Long> figure) {
        if (now == null || then == null) {
            return null;
        }
        Long current = figure.apply(now);
        Long earlier = figure.apply(then);
        if (current == null || earlier == null || earlier <= 0) {
            return null;
        }
        return BigDecimal.valueOf(current - earlier).divide(BigDecimal.valueOf(earlier), 4, RoundingMode.HALF_EVEN);
    }
}
