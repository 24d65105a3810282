package io.capexwatch.verdict.rules;

import java.math.BigDecimal;

/**
 * The limits the rules apply (docs/verdict-model.md explains each).
 *
 * @param capexIntensityWatch     TTM capex / TTM OCF at or above which capex intensity is WATCH
 * @param capexIntensitySlipping  ... at or above which it is SLIPPING
 * @param fcfDeclineWatch         a year-over-year fall of TTM free cash flow by more than this fraction is WATCH
 * @param cashEngineWatch         TTM OCF growth below this is WATCH
 * @param cashEngineSlipping      TTM OCF growth below this is SLIPPING
 * @param monetizationGapWatch    TTM capex growth minus TTM revenue growth above this, two quarters running, is WATCH
 * @param paybackHurdle           the hurdle h of the incremental cash return: below h SLIPPING, below 2h WATCH
 * @param depreciationGapWatch    TTM D&amp;A growth minus TTM revenue growth above this is WATCH
 */
public record Thresholds(BigDecimal capexIntensityWatch, BigDecimal capexIntensitySlipping, BigDecimal fcfDeclineWatch,
                         BigDecimal cashEngineWatch, BigDecimal cashEngineSlipping, BigDecimal monetizationGapWatch,
                         BigDecimal paybackHurdle, BigDecimal depreciationGapWatch) {
    public static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("0.60"), new BigDecimal("0.85"),
            new BigDecimal("0.25"), new BigDecimal("0.00"), new BigDecimal("-0.10"), new BigDecimal("0.40"),
            new BigDecimal("0.10"), new BigDecimal("0.15"));
}
