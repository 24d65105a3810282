package io.capexwatch.verdict.alerts;

import io.capexwatch.verdict.service.QuarterFigures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What changed between two evaluations of a company, and which of it a subscription wants. Plain Java. */
final class AlertChanges {
    private AlertChanges() {
    }

    /**
     * The state (a first verdict counts), each rule whose outcome changed, and each quarter whose OCF or capex
     * changed (a restatement); threshold crossings depend on the subscription, see {@link #matching}.
     *
     * @param before the previous evaluation, or null
     */
    static List<AlertChange> between(VerdictFacts before, VerdictFacts after) {
        List<AlertChange> changes = new ArrayList<>();
        if (before == null || before.state() != after.state()) {
            changes.add(AlertChange.state(before == null ? null : before.state(), after.state()));
        }
        if (before == null) {
            return changes;
        }
        for (VerdictFacts.RuleFacts rule : after.rules()) {
            VerdictFacts.RuleFacts earlier = before.rule(rule.rule());
            if (earlier != null && earlier.outcome() != rule.outcome()) {
                changes.add(AlertChange.rule(rule.rule(), earlier.outcome(), rule.outcome(), rule.sentence()));
            }
        }
        for (QuarterFigures quarter : after.quarters()) {
            QuarterFigures earlier = before.quarters().stream()
                    .filter(q -> q.periodEnd().equals(quarter.periodEnd())).findFirst().orElse(null);
            if (earlier != null) {
                restated("ocf", earlier.ocf(), quarter.ocf(), quarter, changes);
                restated("capex", earlier.capex(), quarter.capex(), quarter, changes);
            }
        }
        return changes;
    }

    private static void restated(String figure, Long from, Long to, QuarterFigures quarter, List<AlertChange> changes) {
        if (from != null && to != null && !from.equals(to)) {
            changes.add(AlertChange.restated(figure, from, to, quarter.fiscalYear(), quarter.fiscalQuarter(),
                    quarter.periodEnd(), quarter.accession()));
        }
    }

    /** The changes {@code filters} asks for, with the thresholds it watches that were crossed. */
    static List<AlertChange> matching(AlertFilters filters, List<AlertChange> changes, VerdictFacts before, VerdictFacts after) {
        List<AlertChange> wanted = new ArrayList<>(changes.stream().filter(change -> switch (change.kind()) {
            case VERDICT_STATE -> filters.stateChange();
            case RULE_OUTCOME -> filters.ruleOutcomeChange();
            case RESTATEMENT -> filters.restatement();
            case FILING_STATUS -> filters.filingStatusChange();
            case METRIC_THRESHOLD -> false;
        }).toList());
        wanted.addAll(crossings(filters.thresholds(), before, after));
        return wanted;
    }

    /**
     * A threshold is crossed when the evaluated quarter's figure moved from below it to at or above it, or from
     * at or above it to below it. Needs both figures: a first verdict crosses nothing.
     */
    static List<AlertChange> crossings(List<AlertFilters.MetricThreshold> thresholds, VerdictFacts before, VerdictFacts after) {
        if (before == null) {
            return List.of();
        }
        QuarterFigures earlier = before.evaluatedQuarter();
        QuarterFigures now = after.evaluatedQuarter();
        List<AlertChange> crossed = new ArrayList<>();
        for (AlertFilters.MetricThreshold threshold : thresholds) {
            AlertMetric metric = AlertMetric.valueOf(threshold.metric());
            BigDecimal from = metric.of(earlier);
            BigDecimal to = metric.of(now);
            if (from != null && to != null && above(from, threshold.value()) != above(to, threshold.value())) {
                crossed.add(AlertChange.threshold(metric, threshold.value(), from, to));
            }
        }
        return crossed;
    }

    private static boolean above(BigDecimal value, BigDecimal threshold) {
        return value.compareTo(Objects.requireNonNull(threshold)) >= 0;
    }
}
