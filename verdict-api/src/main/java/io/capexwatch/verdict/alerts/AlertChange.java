package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One thing that changed, as deliveries carry it in {@code changes}. Fields that do not apply to the kind are
 * left out.
 *
 * @param subject   the rule (capex-intensity), the metric (TTM_CAPEX_TO_OCF) or the figure restated (capex)
 * @param direction for a threshold: ABOVE (crossed upwards) or BELOW
 * @param accession for a restatement: the filing the figure now comes from
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertChange(Kind kind, String subject, Object from, Object to, BigDecimal threshold, String direction,
                          Integer fiscalYear, Integer fiscalQuarter, LocalDate periodEnd, String accession, String detail) {

    public enum Kind { VERDICT_STATE, RULE_OUTCOME, METRIC_THRESHOLD, RESTATEMENT, FILING_STATUS }

    static AlertChange state(Object from, Object to) {
        return new AlertChange(Kind.VERDICT_STATE, null, from, to, null, null, null, null, null, null, null);
    }

    static AlertChange rule(String rule, Object from, Object to, String sentence) {
        return new AlertChange(Kind.RULE_OUTCOME, rule, from, to, null, null, null, null, null, null, sentence);
    }

    static AlertChange threshold(AlertMetric metric, BigDecimal threshold, BigDecimal from, BigDecimal to) {
        return new AlertChange(Kind.METRIC_THRESHOLD, metric.name(), from, to, threshold,
                to.compareTo(threshold) >= 0 ? "ABOVE" : "BELOW", null, null, null, null, null);
    }

    static AlertChange restated(String figure, Long from, Long to, int fiscalYear, int fiscalQuarter, LocalDate periodEnd,
                                String accession) {
        return new AlertChange(Kind.RESTATEMENT, figure, from, to, null, null, fiscalYear, fiscalQuarter, periodEnd,
                accession, null);
    }

    static AlertChange filingStatus(String from, String to, String detail) {
        return new AlertChange(Kind.FILING_STATUS, null, from, to, null, null, null, null, null, null, detail);
    }

    /** One line for people (Slack), e.g. "capex-intensity: WATCH → SLIPPING". */
    String describe() {
        return switch (kind) {
            case VERDICT_STATE -> from == null ? "first verdict: " + to : "verdict " + from + " → " + to;
            case RULE_OUTCOME -> subject + ": " + from + " → " + to + (detail == null ? "" : " (" + detail + ")");
            case METRIC_THRESHOLD -> subject + " crossed " + direction.toLowerCase(java.util.Locale.ROOT) + " "
                    + threshold.toPlainString() + ": " + plain(from) + " → " + plain(to);
            case RESTATEMENT -> "FY" + fiscalYear + " Q" + fiscalQuarter + " " + subject + " restated: " + Money.usd((Long) from)
                    + " → " + Money.usd((Long) to) + (accession == null ? "" : " (" + accession + ")");
            case FILING_STATUS -> "filing status " + (from == null ? "" : from + " → ") + to
                    + (detail == null ? "" : ": " + detail);
        };
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
