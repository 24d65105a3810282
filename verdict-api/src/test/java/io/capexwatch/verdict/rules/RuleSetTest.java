package io.capexwatch.verdict.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleSetTest {
    private static final Thresholds ORACLE = new Thresholds(new BigDecimal("0.90"), new BigDecimal("1.20"),
            null, null, null, null, null, null, null, new BigDecimal("4.00"));

    @Test
    void aCompanyOverrideReplacesOnlyTheThresholdsItNames() {
        RuleSet rules = new RuleSet(Thresholds.DEFAULTS, Map.of("orcl", ORACLE));
        Thresholds oracle = rules.forTicker("ORCL");
        assertEquals(new BigDecimal("0.90"), oracle.capexIntensityWatch());
        assertEquals(new BigDecimal("1.20"), oracle.capexIntensitySlipping());
        assertEquals(new BigDecimal("0.10"), oracle.paybackHurdle());
        assertEquals(new BigDecimal("1.00"), oracle.commitmentsOverhangWatch());
        assertEquals(new BigDecimal("4.00"), oracle.commitmentsOverhangSlipping());
        assertEquals(Thresholds.DEFAULTS, rules.forTicker("GOOGL"));
        assertEquals(List.of(), rules.problems());
    }

    @Test
    void limitsReadWithTwoDecimalsWhateverTheStorageKept() {
        Thresholds stored = new Thresholds(new BigDecimal("0.6"), new BigDecimal("0.85"), new BigDecimal("0.25"),
                BigDecimal.ZERO, new BigDecimal("-0.1"), new BigDecimal("0.4"), new BigDecimal("0.1"), new BigDecimal("0.15"),
                BigDecimal.ONE, new BigDecimal("3"));
        assertEquals(Thresholds.DEFAULTS, stored);
        assertEquals("1.00", stored.commitmentsOverhangWatch().toPlainString());
        assertEquals("0.5781", new Thresholds(null, null, null, null, null, null, null, null, new BigDecimal("0.5781"), null)
                .commitmentsOverhangWatch().toPlainString());
        assertEquals(new BigDecimal("1e999999999"), new Thresholds(null, null, null, null, null, null, null, null,
                new BigDecimal("1e999999999"), null).commitmentsOverhangWatch());
    }

    @Test
    void inconsistentOrMissingThresholdsAreNamed() {
        Thresholds defaults = new Thresholds(new BigDecimal("0.90"), new BigDecimal("0.85"), new BigDecimal("1.5"),
                new BigDecimal("-0.20"), new BigDecimal("-0.10"), new BigDecimal("0.40"), BigDecimal.ZERO, null,
                new BigDecimal("3.00"), new BigDecimal("1.00"));
        RuleSet rules = new RuleSet(defaults, Map.of("not a ticker", ORACLE));
        assertEquals(List.of(
                "defaults.fcfDeclineWatch: 1.50 is outside 0 to 1",
                "defaults.depreciationGapWatch: required",
                "defaults: capexIntensityWatch must be below capexIntensitySlipping",
                "defaults: cashEngineSlipping must be below cashEngineWatch",
                "defaults: paybackHurdle must be above 0",
                "defaults: commitmentsOverhangWatch must be below commitmentsOverhangSlipping",
                "companies: 'NOT A TICKER' is not a ticker"), rules.problems());
        assertEquals(List.of("defaults: required"), new RuleSet(null, Map.of()).problems());
    }
}
