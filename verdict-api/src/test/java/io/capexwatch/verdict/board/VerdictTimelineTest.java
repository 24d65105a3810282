package io.capexwatch.verdict.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A verdict's path through the quarters, from the history (newest first, as stored). */
class VerdictTimelineTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode evaluation(String state, int fy, int fq, String periodEnd, String accession, String at) throws Exception {
        return MAPPER.readTree("""
                {"ticker": "GOOGL", "cik": 1652044, "state": "%s", "fiscalYear": %d, "fiscalQuarter": %d, "periodEnd": "%s",
                 "basedOn": {"accession": "%s", "form": "10-Q", "filed": "2025-10-30"}, "evaluatedAt": "%s"}
                """.formatted(state, fy, fq, periodEnd, accession, at));
    }

    @Test
    void statePerQuarterAndEveryChange() throws Exception {
        List<JsonNode> oldestFirst = List.of(
                evaluation("ON_SCHEDULE", 2025, 1, "2025-03-31", "0001652044-25-000043", "2025-04-25T10:00:00Z"),
                evaluation("WATCH", 2025, 2, "2025-06-30", "0001652044-25-000062", "2025-07-24T10:00:00Z"),
                // a change of rules evaluates Q2 again: a change within the quarter
                evaluation("SLIPPING", 2025, 2, "2025-06-30", "0001652044-25-000062", "2025-08-01T09:00:00Z"),
                evaluation("SLIPPING", 2025, 3, "2025-09-30", "0001652044-25-000091", "2025-10-30T10:00:00Z"));
        List<JsonNode> newestFirst = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(newestFirst);

        VerdictTimeline timeline = VerdictTimeline.of("GOOGL", newestFirst);

        assertEquals(1_652_044L, timeline.cik());
        assertEquals(List.of("FY2025 Q1 ON_SCHEDULE 1", "FY2025 Q2 SLIPPING 2", "FY2025 Q3 SLIPPING 1"),
                timeline.quarters().stream().map(q -> q.fiscalLabel() + " " + q.state() + " " + q.evaluations()).toList());
        assertEquals("2025Q3", timeline.quarters().get(2).calendarQuarter());
        assertEquals("https://www.sec.gov/Archives/edgar/data/1652044/000165204425000091/", timeline.quarters().get(2).filingUrl());

        assertEquals(List.of("null>ON_SCHEDULE", "ON_SCHEDULE>WATCH", "WATCH>SLIPPING"),
                timeline.changes().stream().map(c -> c.from() + ">" + c.to()).toList());
        VerdictTimeline.StateChange flip = timeline.changes().get(2);
        assertEquals(Instant.parse("2025-08-01T09:00:00Z"), flip.at());
        assertEquals("FY2025 Q2", flip.fiscalLabel());
        assertEquals("https://www.sec.gov/Archives/edgar/data/1652044/000165204425000062/", flip.filingUrl());
        assertNull(timeline.changes().getFirst().from());
    }
}
