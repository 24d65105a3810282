package io.capexwatch.tracker.metrics;

import io.capexwatch.contracts.messages.CompanyDefinedMetrics;
import io.capexwatch.contracts.messages.CompanyMeasure;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.contracts.messages.QuarterValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The company's own capex and FCF (first CAPEX and first FCF measure of its definitions, as earnings-ingest
 * worked them out) beside the standard metrics, and the commitments at the quarter's end against TTM
 * operating cash flow: leases not yet commenced and purchase obligations (off the balance sheet) and
 * remaining performance obligations (the backlog, shown beside them, not added to them).
 */
final class CompanyDefinedCalculator {
    static final String RPO = "remaining-performance-obligations";

    private CompanyDefinedCalculator() {
    }

    /** @return null when the producer sent no company measures (an older earnings-ingest) */
    static CompanyDefinedMetrics of(FiscalQuarterFundamentals fundamentals, QuarterMetrics q) {
        List<CompanyMeasure> measures = fundamentals.companyMeasures();
        if (measures == null) {
            return null;
        }
        Long ttmOcf = q.ttmOcf();
        CompanyDefinedMetrics.Measure capex = first(measures, "CAPEX").map(CompanyDefinedCalculator::measure).orElse(null);
        CompanyDefinedMetrics.Measure fcf = first(measures, "FCF").map(CompanyDefinedCalculator::measure).orElse(null);
        BigDecimal capexToOcf = capex == null || capex.ttm() == null ? null : ratio(capex.ttm(), ttmOcf);
        List<CompanyDefinedMetrics.Commitment> commitments = new ArrayList<>();
        Long offBalanceSheet = null;
        for (CompanyMeasure m : measures) {
            if (!"COMMITMENT".equals(m.kind())) {
                continue;
            }
            boolean whole = m.partOf() == null;
            commitments.add(new CompanyDefinedMetrics.Commitment(m.id(), m.name(), m.source(), m.status(), m.value(),
                    m.value() == null ? null : ratio(m.value(), ttmOcf), whole,
                    m.value() == null ? m.reason() : m.derivation(), m.partOf(), m.note()));
            if (whole && m.value() != null) {
                offBalanceSheet = Math.addExact(offBalanceSheet == null ? 0 : offBalanceSheet, m.value());
            }
        }
        QuarterValue rpo = fundamentals.values().get(FundamentalMetric.REMAINING_PERFORMANCE_OBLIGATIONS);
        if (rpo != null) {
            commitments.add(new CompanyDefinedMetrics.Commitment(RPO, "Remaining performance obligations",
                    "us-gaap:" + rpo.provenance().concept() + " as filed", CompanyMeasure.EXACT, rpo.value(),
                    ratio(rpo.value(), ttmOcf), false, rpo.provenance().concept() + " " + rpo.provenance().derivation()
                    + " " + rpo.provenance().filing().accession()));
        }
        return new CompanyDefinedMetrics(capex, fcf, capexToOcf, List.copyOf(commitments), offBalanceSheet,
                offBalanceSheet == null ? null : ratio(offBalanceSheet, ttmOcf), measures);
    }

    private static Optional<CompanyMeasure> first(List<CompanyMeasure> measures, String kind) {
        return measures.stream().filter(m -> kind.equals(m.kind())).findFirst();
    }

    private static CompanyDefinedMetrics.Measure measure(CompanyMeasure m) {
        String reason = m.ttmReason() != null ? m.ttmReason() : m.reason();
        return new CompanyDefinedMetrics.Measure(m.id(), m.name(), m.source(), m.value(), m.status(), m.ttmValue(),
                m.ttmStatus(), reason, m.ttmDerivation(), m.note());
    }

    /** amount / TTM OCF to four decimals; null over a missing, zero or negative OCF. */
    private static BigDecimal ratio(long amount, Long ttmOcf) {
        return ttmOcf == null || ttmOcf <= 0 ? null
                : BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(ttmOcf), MetricsCalculator.RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
