package io.capexwatch.verdict.alerts;

import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.verdict.rules.RuleOutcome;
import io.capexwatch.verdict.rules.VerdictState;
import io.capexwatch.verdict.service.QuarterFigures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Change detection, threshold crossings, Slack text, signatures and backoff: plain Java. */
class AlertChangesTest {
    private static final LocalDate Q1 = LocalDate.parse("2026-03-31");
    private static final LocalDate Q4 = LocalDate.parse("2025-12-31");

    private static QuarterFigures quarter(int fy, int fq, LocalDate end, long ocf, long capex, String ratio, String accession) {
        return new QuarterFigures(fy, fq, end, ocf, capex, ocf - capex, null, null, null, null, new BigDecimal(ratio), accession);
    }

    private static VerdictFacts verdict(VerdictState state, RuleOutcome intensity, String ratio, long q4Capex) {
        return new VerdictFacts("GOOGL", 1_652_044L, "ALPHABET INC.", state, null, 2026, 1, Q1,
                new Filing("0001652044-26-000048", "10-Q", LocalDate.parse("2026-04-30")), Instant.parse("2026-05-01T12:00:00Z"),
                7, 1, List.of(new VerdictFacts.RuleFacts("capex-intensity", "Capex intensity", intensity, Map.of(), Map.of(),
                        "TTM capex is " + ratio, true)),
                List.of(quarter(2025, 4, Q4, 52_402_000_000L, q4Capex, "0.5315", "0001652044-26-000018"),
                        quarter(2026, 1, Q1, 45_790_000_000L, 35_674_000_000L, ratio, "0001652044-26-000048")));
    }

    @Test
    void stateRuleAndRestatementChanges() {
        VerdictFacts before = verdict(VerdictState.WATCH, RuleOutcome.WATCH, "0.6305", 27_851_000_000L);
        VerdictFacts after = verdict(VerdictState.SLIPPING, RuleOutcome.SLIPPING, "0.9000", 28_100_000_000L);
        List<AlertChange> changes = AlertChanges.between(before, after);
        assertEquals(List.of(
                AlertChange.state(VerdictState.WATCH, VerdictState.SLIPPING),
                AlertChange.rule("capex-intensity", RuleOutcome.WATCH, RuleOutcome.SLIPPING, "TTM capex is 0.9000"),
                AlertChange.restated("capex", 27_851_000_000L, 28_100_000_000L, 2025, 4, Q4, "0001652044-26-000018")), changes);
        assertEquals("FY2025 Q4 capex restated: $27,851,000,000 → $28,100,000,000 (0001652044-26-000018)", changes.get(2).describe());
        assertEquals(List.of(AlertChange.state(null, VerdictState.WATCH)), AlertChanges.between(null, before));
        assertEquals(List.of(), AlertChanges.between(before, before));
    }

    @Test
    void thresholdsAreCrossedEitherWayAndOnlyWhenTheFigureMovesPastThem() {
        VerdictFacts low = verdict(VerdictState.WATCH, RuleOutcome.WATCH, "0.6305", 27_851_000_000L);
        VerdictFacts high = verdict(VerdictState.SLIPPING, RuleOutcome.SLIPPING, "0.8000", 27_851_000_000L);
        List<AlertFilters.MetricThreshold> at08 = List.of(new AlertFilters.MetricThreshold("TTM_CAPEX_TO_OCF", new BigDecimal("0.8")));
        AlertChange up = AlertChanges.crossings(at08, low, high).getFirst();
        assertEquals("ABOVE", up.direction());
        assertEquals("TTM_CAPEX_TO_OCF crossed above 0.8: 0.6305 → 0.8000", up.describe());
        assertEquals("BELOW", AlertChanges.crossings(at08, high, low).getFirst().direction());
        assertEquals(List.of(), AlertChanges.crossings(at08, low, low));
        assertEquals(List.of(), AlertChanges.crossings(at08, null, high));
        // Whole USD: quarter capex 35,674M against 30,000M is above on both sides, so no crossing.
        assertEquals(List.of(), AlertChanges.crossings(List.of(new AlertFilters.MetricThreshold("CAPEX",
                new BigDecimal("30000000000"))), low, high));

        AlertFilters onlyRules = new AlertFilters(false, true, false, false, List.of());
        assertEquals(List.of(AlertChange.rule("capex-intensity", RuleOutcome.WATCH, RuleOutcome.SLIPPING, "TTM capex is 0.8000")),
                AlertChanges.matching(onlyRules, AlertChanges.between(low, high), low, high));
    }

    @Test
    void slackMessageHasTextAndBlocks() {
        VerdictFacts before = verdict(VerdictState.WATCH, RuleOutcome.WATCH, "0.6305", 27_851_000_000L);
        VerdictFacts after = verdict(VerdictState.SLIPPING, RuleOutcome.SLIPPING, "0.9000", 27_851_000_000L);
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        AlertPayload payload = AlertBodies.verdict(id, before, after, AlertChanges.between(before, after));
        assertEquals("GOOGL: verdict WATCH → SLIPPING (FY2026 Q1)", AlertBodies.headline(payload));
        Map<String, Object> slack = AlertBodies.slack(payload);
        assertEquals("GOOGL: verdict WATCH → SLIPPING (FY2026 Q1)\n• verdict WATCH → SLIPPING\n"
                + "• capex-intensity: WATCH → SLIPPING (TTM capex is 0.9000)", slack.get("text"));
        assertEquals(3, ((List<?>) slack.get("blocks")).size());
        assertEquals("https://www.sec.gov/Archives/edgar/data/1652044/000165204426000048/", payload.filing().url());
    }

    @Test
    void signatureIsTheHmacOfTimestampDotBody() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), the published test vector.
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                Signatures.hmacHex("key", "The quick brown fox jumps over the lazy dog"));
        assertEquals("t=1767225600,v1=" + Signatures.hmacHex("whsec", "1767225600.{\"a\":1}"),
                Signatures.header("whsec", 1_767_225_600L, "{\"a\":1}"));
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterBetweenHalfAndAll() {
        Duration initial = Duration.ofSeconds(2);
        Duration max = Duration.ofMinutes(10);
        assertEquals(Duration.ofSeconds(1), Backoff.after(1, initial, max, 0.0));
        assertEquals(Duration.ofSeconds(2), Backoff.after(1, initial, max, 1.0));
        assertEquals(Duration.ofSeconds(8), Backoff.after(3, initial, max, 0.999_999_9));
        assertEquals(Duration.ofMinutes(5), Backoff.after(12, initial, max, 0.0));
        assertEquals(Duration.ofMinutes(10), Backoff.after(40, initial, max, 1.0));
    }
}
