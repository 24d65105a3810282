package io.capexwatch.verdict.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleSetTest {
    private static final Thresholds ORACLE = new Thresholds(new BigDecimal("0.90"), new BigDecimal("1.20"),
            null, null, null, null, null, null);

    @Test
    void aCompanyOverrideReplacesOnlyTheThresholdsItNames() {
        RuleSet rules = new RuleSet(Thresholds.DEFAULTS, Map.of("orcl", ORACLE));
        Thresholds oracle = rules.forTicker("ORCL");
        assertEquals(new BigDecimal("0.90"), oracle.capexIntensityWatch());
        assertEquals(new BigDecimal("1.20"), oracle.capexIntensitySlipping());
        assertEquals(new BigDecimal("0.10"), oracle.paybackHurdle());
        assertEquals(Thresholds.DEFAULTS, rules.forTicker("GOOGL"));
        assertEquals(List.of(), rules.problems());
    }

    @Test
    void inconsistentOrMissingThresholdsAreNamed() {
        Thresholds defaults = new Thresholds(new BigDecimal("0.90"), new BigDecimal("0.85"), new BigDecimal("1.5"),
                new BigDecimal("-0.20"), new BigDecimal("-0.10"), new BigDecimal("0.40"), BigDecimal.ZERO, null);
        RuleSet rules = new RuleSet(defaults, Map.of("not a ticker", ORACLE));
        assertEquals(List.of(
                "defaults.fcfDeclineWatch: 1.5 is outside 0 to 1",
                "defaults.depreciationGapWatch: required",
                "defaults: capexIntensityWatch must be below capexIntensitySlipping",
                "defaults: cashEngineSlipping must be below cashEngineWatch",
                "defaults: paybackHurdle must be above 0",
                "companies: 'NOT A TICKER' is not a ticker"), rules.problems());
        assertEquals(List.of("defaults: required"), new RuleSet(null, Map.of()).problems());
    }
}
