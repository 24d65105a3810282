package io.capexwatch.verdict.rules;

import io.capexwatch.verdict.AlphabetMetrics;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Any thresholds either are refused with reasons or evaluate a real series into a verdict; never an exception. */
class RuleEnginePropertiesTest {

    @Property(tries = 300)
    void thresholdsAreRefusedWithReasonsOrEvaluateAlphabetsSeries(@ForAll("thresholds") Thresholds thresholds) {
        List<String> problems = new RuleSet(thresholds, Map.of()).problems();
        if (!problems.isEmpty()) {
            problems.forEach(problem -> assertFalse(problem.isBlank()));
            return;
        }
        VerdictEngine.Evaluation evaluation = VerdictEngine.evaluate(AlphabetMetrics.quarters(), thresholds);
        assertNotNull(evaluation.state());
        assertEquals(8, evaluation.rules().size(), evaluation.rules().toString());
    }

    @Property(tries = 200)
    void aHigherSlippingLimitForCapexIntensityNeverMakesThatRuleWorse(@ForAll("fractions") BigDecimal slipping,
                                                                       @ForAll("fractions") BigDecimal more) {
        Thresholds lower = withCapexSlipping(slipping);
        Thresholds higher = withCapexSlipping(slipping.add(more));
        if (!new RuleSet(lower, Map.of()).problems().isEmpty() || !new RuleSet(higher, Map.of()).problems().isEmpty()) {
            return;
        }
        RuleOutcome atLower = capexIntensity(VerdictEngine.evaluate(AlphabetMetrics.quarters(), lower));
        RuleOutcome atHigher = capexIntensity(VerdictEngine.evaluate(AlphabetMetrics.quarters(), higher));
        assertFalse(atHigher == RuleOutcome.SLIPPING && atLower != RuleOutcome.SLIPPING, atLower + " then " + atHigher);
    }

    @Provide
    Arbitrary<Thresholds> thresholds() {
        Arbitrary<BigDecimal> value = Arbitraries.oneOf(fractions(), fractions().map(BigDecimal::negate),
                Arbitraries.of(new BigDecimal("1e309"), new BigDecimal("-1e-400"), new BigDecimal("5.0001")),
                Arbitraries.<BigDecimal>just(null));
        return Combinators.combine(List.of(value, value, value, value, value, value, value, value, value, value))
                .as(v -> new Thresholds(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
                        v.get(8), v.get(9)));
    }

    @Provide
    Arbitrary<BigDecimal> fractions() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2")).ofScale(4);
    }

    private static Thresholds withCapexSlipping(BigDecimal slipping) {
        Thresholds d = Thresholds.DEFAULTS;
        return new Thresholds(new BigDecimal("0.01"), slipping, d.fcfDeclineWatch(), d.cashEngineWatch(), d.cashEngineSlipping(),
                d.monetizationGapWatch(), d.paybackHurdle(), d.depreciationGapWatch(), d.commitmentsOverhangWatch(),
                d.commitmentsOverhangSlipping());
    }

    private static RuleOutcome capexIntensity(VerdictEngine.Evaluation evaluation) {
        return evaluation.rules().stream().filter(r -> r.rule().equals("capex-intensity")).findFirst().orElseThrow().outcome();
    }
}
