package io.capexwatch.verdict.rules;

import java.math.BigDecimal;

/**
 * The limits the rules apply.
 *
 * @param capexIntensityWatch    TTM capex / TTM OCF at or above which capex intensity is WATCH
 * @param capexIntensitySlipping TTM capex / TTM OCF at or above which it is SLIPPING
 * @param fcfDeclineWatch        a year-over-year fall of TTM free cash flow by more than this fraction is WATCH
 */
public record Thresholds(BigDecimal capexIntensityWatch, BigDecimal capexIntensitySlipping, BigDecimal fcfDeclineWatch) {
    public static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("0.60"), new BigDecimal("0.85"),
            new BigDecimal("0.25"));
}
