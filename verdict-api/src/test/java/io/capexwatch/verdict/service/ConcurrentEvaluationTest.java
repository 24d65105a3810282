package io.capexwatch.verdict.service;

import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.verdict.AtOnce;
import io.capexwatch.verdict.TestMessages;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.repository.VerdictRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One metrics revision is evaluated once, however many evaluate it at the same moment: after a Kafka
 * rebalance the replica that lost a partition can still be evaluating a record while the one that got it
 * reads the same record again (the earnings-day end-to-end test once recorded AMZN's revision 1 twice).
 */
@QuarkusTest
class ConcurrentEvaluationTest {
    private static final long CIK = 9_900_051L;
    private static final String TICKER = "TWICE";
    private static final int AT_ONCE = 3;

    @Inject
    VerdictService service;

    @Inject
    VerdictRepository verdicts;

    @Test
    void theSameRevisionEvaluatedThreeTimesAtOnceGivesOneVerdict() throws Throwable {
        List<VerdictEntity> first = evaluateAtOnce(TestMessages.alphabetSeriesAs(CIK, TICKER, 1));
        assertEquals(1, first.stream().filter(Objects::nonNull).count(), "evaluations that recorded a verdict");
        // The next revision, raced the same way, is the company's second verdict: the claim is per revision.
        List<VerdictEntity> second = evaluateAtOnce(TestMessages.alphabetSeriesAs(CIK, TICKER, 2));
        assertEquals(1, second.stream().filter(Objects::nonNull).count(), "evaluations that recorded a verdict");

        List<VerdictEntity> history = VertxContextSupport.subscribeAndAwait(() -> verdicts.history(TICKER));
        assertEquals(List.of(2L, 1L), history.stream().map(v -> v.metricsRevision).toList());
        assertEquals("2026-03-31", history.getFirst().periodEnd.toString());
    }

    /** {@link #AT_ONCE} threads evaluate the snapshot, released together; the rows they recorded, null for none. */
    private List<VerdictEntity> evaluateAtOnce(MetricsSnapshot snapshot) throws Exception {
        return AtOnce.run(AT_ONCE, i -> () -> VertxContextSupport.subscribeAndAwait(() -> service.evaluate(snapshot)));
    }
}
