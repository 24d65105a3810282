package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.verdict.rules.RuleOutcome;
import io.capexwatch.verdict.rules.VerdictState;
import io.capexwatch.verdict.service.QuarterFigures;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What alerts read from a stored verdict body (the JSON as served); the rest is ignored. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerdictFacts(String ticker, long cik, String entityName, VerdictState state, String stateReason,
                           Integer fiscalYear, Integer fiscalQuarter, LocalDate periodEnd, Filing basedOn,
                           Instant evaluatedAt, long metricsRevision, long rulesVersion, List<RuleFacts> rules,
                           List<QuarterFigures> quarters) {

    public VerdictFacts {
        rules = rules == null ? List.of() : rules;
        quarters = quarters == null ? List.of() : quarters;
    }

    /** The evaluated quarter's figures, or null. */
    QuarterFigures evaluatedQuarter() {
        return quarters.stream().filter(q -> q.periodEnd().equals(periodEnd)).findFirst().orElse(null);
    }

    RuleFacts rule(String id) {
        return rules.stream().filter(r -> r.rule().equals(id)).findFirst().orElse(null);
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleFacts(String rule, String title, RuleOutcome outcome, Map<String, Object> inputs,
                            Map<String, BigDecimal> thresholds, String sentence, boolean assessed) {
    }
}
