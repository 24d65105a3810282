package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One company's line of the compact board summary ({@code GET /api/verdicts?view=summary}), taken from its
 * full verdict as served: state, the evaluated quarter's key figures, the filing it rests on and the
 * EDGAR status. Every field is always present (null when the verdict has no value), so a board reads one
 * shape; the full verdict (rules, milestones, quarters) stays at {@code /api/verdicts/{ticker}}.
 */
final class VerdictSummary {
    private static final String[] VERDICT_FIELDS = {"ticker", "entityName", "state", "previousState", "stateSince",
            "fiscalYear", "fiscalQuarter", "periodEnd"};
    private static final String[] QUARTER_FIELDS = {"ttmCapexToOcf", "ttmFcf", "capexToOcf", "fcf"};
    private static final String[] FILING_FIELDS = {"status", "resultsRelease", "since"};

    private VerdictSummary() {
    }

    /** @param verdict the full verdict with {@code filing} merged in */
    static ObjectNode of(JsonNode verdict, ObjectMapper mapper) {
        ObjectNode summary = mapper.createObjectNode();
        copy(verdict, summary, VERDICT_FIELDS);
        copy(evaluatedQuarter(verdict), summary, QUARTER_FIELDS);
        JsonNode basedOn = verdict.path("basedOn");
        summary.set("basedOn", basedOn.isObject() ? basedOn : null);
        JsonNode filing = verdict.path("filing");
        if (filing.isObject()) {
            copy(filing, summary.putObject("filing"), FILING_FIELDS);
        } else {
            summary.putNull("filing");
        }
        summary.set("evaluatedAt", value(verdict, "evaluatedAt"));
        return summary;
    }

    /** The quarter the verdict evaluated (its periodEnd), else the latest one it carries. */
    private static JsonNode evaluatedQuarter(JsonNode verdict) {
        JsonNode quarters = verdict.path("quarters");
        if (!quarters.isArray() || quarters.isEmpty()) {
            return verdict.path("none");
        }
        JsonNode periodEnd = verdict.path("periodEnd");
        for (JsonNode quarter : quarters) {
            if (periodEnd.isTextual() && periodEnd.equals(quarter.path("periodEnd"))) {
                return quarter;
            }
        }
        return quarters.get(quarters.size() - 1);
    }

    private static void copy(JsonNode from, ObjectNode to, String[] fields) {
        for (String field : fields) {
            to.set(field, value(from, field));
        }
    }

    private static JsonNode value(JsonNode from, String field) {
        JsonNode value = from.path(field);
        return value.isMissingNode() ? null : value;
    }
}
