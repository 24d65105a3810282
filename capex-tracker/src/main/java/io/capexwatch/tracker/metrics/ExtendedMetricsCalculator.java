package io.capexwatch.tracker.metrics;

import io.capexwatch.contracts.messages.ExtendedMetrics;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.contracts.messages.QuarterValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rest of the metric set, from the same contiguous four-quarter windows as the core metrics and, for
 * growth, the quarter a year earlier. Nothing is invented: a missing input leaves the metric null with a
 * flag, and a ratio or growth over a zero or negative base is null with a flag.
 */
final class ExtendedMetricsCalculator {
    static final String MISSING_REVENUE = "MISSING_REVENUE";
    static final String MISSING_FINANCE_LEASES = "MISSING_FINANCE_LEASES";
    static final String MISSING_PROPERTY_SALE_PROCEEDS = "MISSING_PROPERTY_SALE_PROCEEDS";
    static final String MISSING_BUYBACKS = "MISSING_BUYBACKS";
    static final String TTM_FCF_NOT_POSITIVE = "TTM_FCF_NOT_POSITIVE";
    static final String NO_YEAR_AGO = "NO_YEAR_AGO_QUARTER";
    static final String YEAR_AGO_NOT_POSITIVE = "YEAR_AGO_BASE_NOT_POSITIVE";

    private ExtendedMetricsCalculator() {
    }

    /**
     * @param sorted the fundamentals, oldest first
     * @param core   the core metrics of the same quarters, same order
     */
    static List<QuarterMetrics> extend(List<FiscalQuarterFundamentals> sorted, List<QuarterMetrics> core) {
        List<QuarterMetrics> result = new ArrayList<>(core.size());
        for (int i = 0; i < core.size(); i++) {
            result.add(core.get(i).withExtended(extended(sorted, core, i)));
        }
        return result;
    }

    private static ExtendedMetrics extended(List<FiscalQuarterFundamentals> sorted, List<QuarterMetrics> core, int index) {
        QuarterMetrics q = core.get(index);
        List<FiscalQuarterFundamentals> window = window(sorted, core, index);
        List<String> flags = new ArrayList<>();
        Long leases = ttm(window, FundamentalMetric.FINANCE_LEASE_PRINCIPAL_PAYMENTS, flags, MISSING_FINANCE_LEASES);
        Long proceeds = ttm(window, FundamentalMetric.PROCEEDS_FROM_PROPERTY_SALES, flags, MISSING_PROPERTY_SALE_PROCEEDS);
        Long buybacks = ttm(window, FundamentalMetric.SHARE_BUYBACKS, flags, MISSING_BUYBACKS);
        Long debtRepaid = ttm(window, FundamentalMetric.DEBT_REPAID, null, null);
        if (!window.isEmpty() && q.ttmRevenue() == null) {
            flags.add(MISSING_REVENUE);
        }
        Long fcf = q.ttmFcf();
        Long fcfAfterLeases = fcf == null || leases == null ? null : fcf - leases;
        Long companyFcf = fcf == null || proceeds == null ? null : fcf + proceeds;
        BigDecimal buybacksToFcf = null;
        if (buybacks != null && fcf != null) {
            buybacksToFcf = fcf > 0 ? ratio(buybacks, fcf) : null;
            if (fcf <= 0) {
                flags.add(TTM_FCF_NOT_POSITIVE);
            }
        }
        Optional<QuarterMetrics> yearAgo = core.stream()
                .filter(other -> other.fiscalYear() == q.fiscalYear() - 1 && other.fiscalQuarter() == q.fiscalQuarter())
                .findFirst();
        if (yearAgo.isEmpty()) {
            flags.add(NO_YEAR_AGO);
        }
        Long rpo = value(sorted.get(index), FundamentalMetric.REMAINING_PERFORMANCE_OBLIGATIONS);
        Long rpoYearAgo = yearAgo.flatMap(ago -> sorted.stream().filter(f -> f.periodEnd().equals(ago.periodEnd())).findFirst())
                .map(f -> value(f, FundamentalMetric.REMAINING_PERFORMANCE_OBLIGATIONS)).orElse(null);
        Long fundingGap = q.ttmOcf() == null || q.ttmCapex() == null ? null : Math.max(0, q.ttmCapex() - q.ttmOcf());
        return new ExtendedMetrics(leases, fcfAfterLeases, proceeds, companyFcf,
                positiveRatio(fcf, q.ttmRevenue()), positiveRatio(q.ttmCapex(), q.ttmRevenue()),
                positiveRatio(q.ttmDepreciationAndAmortization(), q.ttmRevenue()), buybacks, buybacksToFcf,
                growth(q, yearAgo, QuarterMetrics::ttmRevenue, flags), growth(q, yearAgo, QuarterMetrics::ttmOcf, flags),
                growth(q, yearAgo, QuarterMetrics::ttmCapex, flags),
                growth(q, yearAgo, QuarterMetrics::ttmDepreciationAndAmortization, flags),
                growth(q, yearAgo, QuarterMetrics::ttmFcf, flags),
                rpo, growth(rpo, rpoYearAgo, flags), fundingGap, debtRepaid, List.copyOf(flags));
    }

    /** The contiguous four quarters ending at {@code index}, when the core metrics found them (TTM OCF exists). */
    private static List<FiscalQuarterFundamentals> window(List<FiscalQuarterFundamentals> sorted, List<QuarterMetrics> core,
                                                          int index) {
        return index >= 3 && core.get(index).ttmOcf() != null ? sorted.subList(index - 3, index + 1) : List.of();
    }

    private static Long ttm(List<FiscalQuarterFundamentals> window, FundamentalMetric metric, List<String> flags, String missing) {
        if (window.isEmpty()) {
            return null;
        }
        if (window.stream().anyMatch(q -> !q.values().containsKey(metric))) {
            if (flags != null && !flags.contains(missing)) {
                flags.add(missing);
            }
            return null;
        }
        return window.stream().mapToLong(q -> q.values().get(metric).value()).sum();
    }

    private static Long value(FiscalQuarterFundamentals q, FundamentalMetric metric) {
        QuarterValue value = q.values().get(metric);
        return value == null ? null : value.value();
    }

    private static BigDecimal growth(QuarterMetrics q, Optional<QuarterMetrics> yearAgo, Function<QuarterMetrics, Long> metric,
                                     List<String> flags) {
        return yearAgo.map(ago -> growth(metric.apply(q), metric.apply(ago), flags)).orElse(null);
    }

    /** (now - then) / then over a positive base; null (flagged) over a zero or negative one. */
    private static BigDecimal growth(Long now, Long then, List<String> flags) {
        if (now == null || then == null) {
            return null;
        }
        if (then <= 0) {
            if (!flags.contains(YEAR_AGO_NOT_POSITIVE)) {
                flags.add(YEAR_AGO_NOT_POSITIVE);
            }
            return null;
        }
        return ratio(now - then, then);
    }

    private static BigDecimal positiveRatio(Long numerator, Long denominator) {
        return numerator == null || denominator == null || denominator <= 0 ? null : ratio(numerator, denominator);
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MetricsCalculator.RATIO_SCALE,
                RoundingMode.HALF_EVEN);
    }
}
