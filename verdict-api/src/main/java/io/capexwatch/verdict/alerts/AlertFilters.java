package io.capexwatch.verdict.alerts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a subscription is told about.
 *
 * @param stateChange        the verdict's state changed (and a company's first verdict)
 * @param ruleOutcomeChange  a rule's outcome changed (OK, WATCH, SLIPPING)
 * @param filingStatusChange results released (awaiting the 10-Q/10-K's XBRL), and the XBRL arrived
 * @param restatement        a quarter's OCF or capex in the verdict changed (an amendment restated it)
 * @param thresholds         figures of the evaluated quarter crossing a value, either way
 */
@RegisterForReflection
public record AlertFilters(boolean stateChange, boolean ruleOutcomeChange, boolean filingStatusChange, boolean restatement,
                           List<MetricThreshold> thresholds) {
    public static final int MAX_THRESHOLDS = 10;

    public AlertFilters {
        thresholds = thresholds == null ? List.of() : thresholds;
    }

    boolean anything() {
        return stateChange || ruleOutcomeChange || filingStatusChange || restatement || !thresholds.isEmpty();
    }

    /** @param metric one of {@link AlertMetric}; @param value a ratio (0.8) or whole USD */
    @RegisterForReflection
    public record MetricThreshold(String metric, BigDecimal value) {
    }
}
