package io.capexwatch.verdict.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.verdict.rules.VerdictState;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds a delivery's payload and writes it as the subscription's format asks: the JSON event or a Slack message. */
final class AlertBodies {
    private AlertBodies() {
    }

    static AlertPayload verdict(UUID id, VerdictFacts before, VerdictFacts after, List<AlertChange> changes) {
        List<VerdictFacts.RuleFacts> rulesChanged = after.rules().stream().filter(rule -> {
            VerdictFacts.RuleFacts earlier = before == null ? null : before.rule(rule.rule());
            return earlier != null && earlier.outcome() != rule.outcome();
        }).toList();
        return new AlertPayload(id, "verdict", after.evaluatedAt(), after.ticker(), after.cik(), after.entityName(),
                summary(after, before == null ? null : before.state()), rulesChanged,
                AlertPayload.FilingLink.of(after.cik(), after.basedOn()), changes);
    }

    /** @param verdict the company's current verdict, or null before its first */
    static AlertPayload filing(UUID id, Instant at, FilingStatus status, VerdictFacts verdict, AlertChange change) {
        return new AlertPayload(id, "filing", at, status.ticker(), status.cik(), verdict == null ? null : verdict.entityName(),
                verdict == null ? null : summary(verdict, null), List.of(),
                AlertPayload.FilingLink.of(status.cik(), status.lastFiling()), List.of(change));
    }

    private static AlertPayload.VerdictSummary summary(VerdictFacts verdict, VerdictState previousState) {
        return new AlertPayload.VerdictSummary(verdict.state(), previousState, verdict.stateReason(),
                verdict.fiscalYear(), verdict.fiscalQuarter(), verdict.periodEnd(), verdict.evaluatedAt(),
                verdict.metricsRevision(), verdict.rulesVersion());
    }

    static String render(AlertFormat format, AlertPayload payload, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(format == AlertFormat.SLACK ? slack(payload) : payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Slack's incoming-webhook shape: {@code text} (notifications, fallbacks) and {@code blocks}. */
    static Map<String, Object> slack(AlertPayload payload) {
        String headline = headline(payload);
        String bullets = payload.changes().stream().map(c -> "• " + c.describe()).collect(Collectors.joining("\n"));
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", headline)));
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", bullets)));
        List<Map<String, Object>> context = new ArrayList<>();
        if (payload.filing() != null) {
            context.add(Map.of("type", "mrkdwn", "text", "Based on <" + payload.filing().url() + "|" + payload.filing().form()
                    + " " + payload.filing().accession() + "> filed " + payload.filing().filed()));
        }
        context.add(Map.of("type", "mrkdwn", "text", "capex-watch event " + payload.id()));
        blocks.add(Map.of("type", "context", "elements", context));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", headline + "\n" + bullets);
        message.put("blocks", blocks);
        return message;
    }

    /** e.g. "GOOGL: verdict WATCH → SLIPPING (FY2026 Q1)". */
    static String headline(AlertPayload payload) {
        AlertPayload.VerdictSummary verdict = payload.verdict();
        String quarter = verdict == null || verdict.fiscalYear() == null ? ""
                : " (FY" + verdict.fiscalYear() + " Q" + verdict.fiscalQuarter() + ")";
        AlertChange first = payload.changes().getFirst();
        if (first.kind() == AlertChange.Kind.VERDICT_STATE || first.kind() == AlertChange.Kind.FILING_STATUS) {
            return payload.ticker() + ": " + first.describe() + quarter;
        }
        return payload.ticker() + " (" + (verdict == null ? "no verdict" : verdict.state()) + "): "
                + payload.changes().size() + (payload.changes().size() == 1 ? " change" : " changes") + quarter;
    }
}
