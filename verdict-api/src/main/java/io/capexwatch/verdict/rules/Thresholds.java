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
 * @param commitmentsOverhangWatch    commitments not yet on the balance sheet, as a multiple of TTM OCF, at or
 *                                    above which the commitments overhang is WATCH
 * @param commitmentsOverhangSlipping ... at or above which it is SLIPPING
 */
public record Thresholds(BigDecimal capexIntensityWatch, BigDecimal capexIntensitySlipping, BigDecimal fcfDeclineWatch,
                         BigDecimal cashEngineWatch, BigDecimal cashEngineSlipping, BigDecimal monetizationGapWatch,
                         BigDecimal paybackHurdle, BigDecimal depreciationGapWatch, BigDecimal commitmentsOverhangWatch,
                         BigDecimal commitmentsOverhangSlipping) {
    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    /**
     * Every limit with at least two decimals (0.6 reads 0.60, 3 reads 3.00): the rule-set JSON in PostgreSQL
     * comes back without trailing zeros, and the API shows a limit as it was configured. Only small values are
     * rescaled (1e999999999 stays as it is, to be refused as out of range, not expanded).
     */
    public Thresholds {
        capexIntensityWatch = twoDecimals(capexIntensityWatch);
        capexIntensitySlipping = twoDecimals(capexIntensitySlipping);
        fcfDeclineWatch = twoDecimals(fcfDeclineWatch);
        cashEngineWatch = twoDecimals(cashEngineWatch);
        cashEngineSlipping = twoDecimals(cashEngineSlipping);
        monetizationGapWatch = twoDecimals(monetizationGapWatch);
        paybackHurdle = twoDecimals(paybackHurdle);
        depreciationGapWatch = twoDecimals(depreciationGapWatch);
        commitmentsOverhangWatch = twoDecimals(commitmentsOverhangWatch);
        commitmentsOverhangSlipping = twoDecimals(commitmentsOverhangSlipping);
    }

    private static BigDecimal twoDecimals(BigDecimal value) {
        return value != null && value.scale() < 2 && value.abs().compareTo(THOUSAND) < 0 ? value.setScale(2) : value;
    }

    public static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("0.60"), new BigDecimal("0.85"),
            new BigDecimal("0.25"), new BigDecimal("0.00"), new BigDecimal("-0.10"), new BigDecimal("0.40"),
            new BigDecimal("0.10"), new BigDecimal("0.15"), new BigDecimal("1.00"), new BigDecimal("3.00"));
}
