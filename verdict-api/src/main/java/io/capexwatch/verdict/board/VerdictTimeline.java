package io.capexwatch.verdict.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a company's verdict moved: the state each quarter ended on (its last evaluation) and every change
 * of state, oldest first, each with the filing it rested on. Built from the verdict history (every
 * evaluation, as stored), so a re-evaluation after a change of rules or a restatement shows as a change too.
 */
@RegisterForReflection
public record VerdictTimeline(String ticker, long cik, List<QuarterState> quarters, List<StateChange> changes) {

    @RegisterForReflection
    public record QuarterState(String fiscalLabel, String calendarQuarter, LocalDate periodEnd, String state,
                               int evaluations, String accession, String form, String filingUrl) {
    }

    /** @param from the state before; null for the first evaluation */
    @RegisterForReflection
    public record StateChange(Instant at, String from, String to, String fiscalLabel, LocalDate periodEnd,
                              String reason, String accession, String form, String filingUrl) {
    }

    /** @param newestFirst the history as the repository gives it (verdict bodies, newest first) */
    public static VerdictTimeline of(String ticker, List<JsonNode> newestFirst) {
        List<JsonNode> evaluations = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(evaluations);
        long cik = evaluations.isEmpty() ? 0 : evaluations.getFirst().path("cik").asLong();
        Map<String, QuarterState> quarters = new LinkedHashMap<>();
        List<StateChange> changes = new ArrayList<>();
        String before = null;
        for (JsonNode v : evaluations) {
            String state = v.path("state").asText();
            LocalDate periodEnd = v.hasNonNull("periodEnd") ? LocalDate.parse(v.path("periodEnd").asText()) : null;
            String label = v.hasNonNull("fiscalYear") ? "FY" + v.path("fiscalYear").asInt() + " Q" + v.path("fiscalQuarter").asInt() : "no quarter";
            JsonNode filing = v.path("basedOn");
            String accession = filing.hasNonNull("accession") ? filing.path("accession").asText() : null;
            String form = filing.hasNonNull("form") ? filing.path("form").asText() : null;
            String url = EdgarLinks.filing(cik, accession);
            QuarterState held = quarters.get(label);
            quarters.put(label, new QuarterState(label, periodEnd == null ? null : CalendarQuarter.containing(periodEnd).toString(),
                    periodEnd, state, held == null ? 1 : held.evaluations() + 1, accession, form, url));
            if (!state.equals(before)) {
                changes.add(new StateChange(Instant.parse(v.path("evaluatedAt").asText()), before, state, label, periodEnd,
                        v.hasNonNull("stateReason") ? v.path("stateReason").asText() : null, accession, form, url));
            }
            before = state;
        }
        List<QuarterState> byPeriod = quarters.values().stream()
                .sorted(java.util.Comparator.comparing(QuarterState::periodEnd, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .toList();
        return new VerdictTimeline(ticker, cik, byPeriod, List.copyOf(changes));
    }
}
