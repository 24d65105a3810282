package io.capexwatch.tracker.metrics;

import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.Provenance;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.contracts.messages.QuarterValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Quarter and trailing-twelve-month capex metrics from discrete quarters. Money stays exact (whole USD);
 * ratios are rounded to four decimals. Nothing is invented: a missing input leaves the metric empty and
 * flagged, a ratio over a zero or negative operating cash flow is left empty and flagged, and TTM needs four
 * quarters that follow each other without a gap.
 */
public final class MetricsCalculator {
    public static final int RATIO_SCALE = QuarterMetrics.RATIO_SCALE;

    public static final String MISSING_OCF = "MISSING_OCF";
    public static final String MISSING_CAPEX = "MISSING_CAPEX";
    public static final String OCF_NOT_POSITIVE = "OCF_NOT_POSITIVE";
    public static final String TTM_OCF_NOT_POSITIVE = "TTM_OCF_NOT_POSITIVE";
    public static final String TTM_INCOMPLETE = "TTM_INCOMPLETE";

    private MetricsCalculator() {
    }

    /** @param quarters any order; the result is oldest first */
    public static List<QuarterMetrics> compute(List<FiscalQuarterFundamentals> quarters) {
        List<FiscalQuarterFundamentals> sorted = quarters.stream()
                .sorted(Comparator.comparing(FiscalQuarterFundamentals::periodEnd))
                .toList();
        List<QuarterMetrics> result = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            result.add(quarter(sorted, i));
        }
        List<QuarterMetrics> extended = ExtendedMetricsCalculator.extend(sorted, result);
        List<QuarterMetrics> withCompanyDefined = new ArrayList<>(extended.size());
        for (int i = 0; i < extended.size(); i++) {
            withCompanyDefined.add(extended.get(i).withCompanyDefined(CompanyDefinedCalculator.of(sorted.get(i), extended.get(i))));
        }
        return withCompanyDefined;
    }

    private static QuarterMetrics quarter(List<FiscalQuarterFundamentals> sorted, int index) {
        FiscalQuarterFundamentals q = sorted.get(index);
        QuarterValue ocf = q.values().get(FundamentalMetric.OPERATING_CASH_FLOW);
        QuarterValue capex = q.values().get(FundamentalMetric.CAPEX);
        List<String> flags = new ArrayList<>();
        if (ocf == null) {
            flags.add(MISSING_OCF);
        }
        if (capex == null) {
            flags.add(MISSING_CAPEX);
        }
        Stream.of(ocf, capex).filter(Objects::nonNull)
                .flatMap(v -> v.provenance().flags().stream())
                .filter(flag -> !flags.contains(flag))
                .forEach(flags::add);

        Long ocfValue = ocf == null ? null : ocf.value();
        Long capexValue = capex == null ? null : capex.value();
        Long fcf = ocfValue != null && capexValue != null ? ocfValue - capexValue : null;
        BigDecimal capexToOcf = ratio(capexValue, ocfValue, flags, OCF_NOT_POSITIVE);

        Long ttmOcf = null;
        Long ttmCapex = null;
        if (index >= 3 && contiguousWithInputs(sorted.subList(index - 3, index + 1))) {
            ttmOcf = sum(sorted.subList(index - 3, index + 1), FundamentalMetric.OPERATING_CASH_FLOW);
            ttmCapex = sum(sorted.subList(index - 3, index + 1), FundamentalMetric.CAPEX);
        } else {
            flags.add(TTM_INCOMPLETE);
        }
        Long ttmFcf = ttmOcf != null ? ttmOcf - ttmCapex : null;
        BigDecimal ttmCapexToOcf = ratio(ttmCapex, ttmOcf, flags, TTM_OCF_NOT_POSITIVE);

        List<FiscalQuarterFundamentals> window = index >= 3 && contiguous(sorted.subList(index - 3, index + 1))
                ? sorted.subList(index - 3, index + 1) : List.of();
        return new QuarterMetrics(q.fiscalYear(), q.fiscalQuarter(), q.periodStart(), q.periodEnd(),
                ocfValue, capexValue, fcf, capexToOcf, ttmOcf, ttmCapex, ttmFcf, ttmCapexToOcf,
                value(q, FundamentalMetric.REVENUE), ttm(window, FundamentalMetric.REVENUE),
                value(q, FundamentalMetric.DEPRECIATION_AND_AMORTIZATION),
                ttm(window, FundamentalMetric.DEPRECIATION_AND_AMORTIZATION),
                value(q, FundamentalMetric.DEBT_ISSUED), ttm(window, FundamentalMetric.DEBT_ISSUED),
                latestFiling(ocf, capex), ocf == null ? null : ocf.provenance(),
                capex == null ? null : capex.provenance(), List.copyOf(flags), null);
    }

    private static Long value(FiscalQuarterFundamentals q, FundamentalMetric metric) {
        QuarterValue value = q.values().get(metric);
        return value == null ? null : value.value();
    }

    /** The sum over a contiguous four-quarter window, or null if the window is empty or any quarter lacks the metric. */
    private static Long ttm(List<FiscalQuarterFundamentals> window, FundamentalMetric metric) {
        if (window.isEmpty() || window.stream().anyMatch(w -> !w.values().containsKey(metric))) {
            return null;
        }
        return sum(window, metric);
    }

    private static boolean contiguous(List<FiscalQuarterFundamentals> window) {
        for (int i = 1; i < window.size(); i++) {
            if (!window.get(i).periodStart().equals(window.get(i - 1).periodEnd().plusDays(1))) {
                return false;
            }
        }
        return true;
    }

    /** Four quarters, each starting the day after the one before ends, each with OCF and capex. */
    private static boolean contiguousWithInputs(List<FiscalQuarterFundamentals> window) {
        return contiguous(window) && window.stream().allMatch(q -> q.values().containsKey(FundamentalMetric.OPERATING_CASH_FLOW)
                && q.values().containsKey(FundamentalMetric.CAPEX));
    }

    private static long sum(List<FiscalQuarterFundamentals> window, FundamentalMetric metric) {
        return window.stream().mapToLong(q -> q.values().get(metric).value()).sum();
    }

    private static BigDecimal ratio(Long numerator, Long denominator, List<String> flags, String notPositiveFlag) {
        if (numerator == null || denominator == null) {
            return null;
        }
        if (denominator <= 0) {
            flags.add(notPositiveFlag);
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    private static Filing latestFiling(QuarterValue... values) {
        return Stream.of(values).filter(Objects::nonNull)
                .map(QuarterValue::provenance)
                .map(Provenance::filing)
                .max(Comparator.comparing(Filing::filed).thenComparing(Filing::accession))
                .orElse(null);
    }
}
