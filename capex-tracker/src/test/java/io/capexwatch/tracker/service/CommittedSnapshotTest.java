package io.capexwatch.tracker.service;

import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.tracker.AlphabetQuarters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The series an apply hands to the outbox is the one the outbox would have read back after the commit
 * (the sweep still reads it back): for a new company, for a restated quarter, and none once it is published.
 */
@QuarkusTest
class CommittedSnapshotTest {
    private static final long CIK = 9_900_031L;
    private static final LocalDate RESTATED = LocalDate.parse("2025-09-30");

    @Inject
    MetricsService metrics;

    @Inject
    PublicationService publication;

    @Test
    void theAppliedSeriesIsWhatTheOutboxWouldReadBack() throws Throwable {
        List<FiscalQuarterFundamentals> original = AlphabetQuarters.quarters();
        MetricsService.Applied first = apply(1, original);
        assertTrue(first.applied());
        assertSameAsReadBack(first.unpublished(), 1);

        // Revision 2 restates one quarter: its row is updated in place, the others are kept.
        MetricsService.Applied restated = apply(2, original.stream().map(q -> q.periodEnd().equals(RESTATED) ? AlphabetQuarters.withCapexRestated(q, 4_000_000L) : q).toList());
        assertSameAsReadBack(restated.unpublished(), 2);
        MetricsSnapshot sent = restated.unpublished();
        long capex = sent.quarters().stream().filter(q -> q.periodEnd().equals(RESTATED)).findFirst().orElseThrow().capex();
        long before = first.unpublished().quarters().stream().filter(q -> q.periodEnd().equals(RESTATED)).findFirst().orElseThrow().capex();
        assertEquals(before + 4_000_000L, capex);

        MetricsService.Applied duplicate = apply(2, original);
        assertFalse(duplicate.applied());
        assertNull(duplicate.unpublished());

        // Published, then a new fundamentals revision that changes no metric: nothing is pending.
        VertxContextSupport.subscribeAndAwait(() -> publication.markPublished(CIK, 2));
        MetricsService.Applied unchanged = apply(3, original.stream().map(q -> q.periodEnd().equals(RESTATED) ? AlphabetQuarters.withCapexRestated(q, 4_000_000L) : q).toList());
        assertTrue(unchanged.applied());
        assertNull(unchanged.unpublished());
        assertNull(VertxContextSupport.subscribeAndAwait(() -> publication.loadPending(CIK)));
    }

    private void assertSameAsReadBack(MetricsSnapshot handed, long revision) throws Throwable {
        MetricsSnapshot read = VertxContextSupport.subscribeAndAwait(() -> publication.loadPending(CIK));
        assertEquals(revision, handed.revision());
        assertEquals(revision, handed.fundamentalsRevision());
        assertEquals(AlphabetQuarters.quarters().size(), handed.quarters().size());
        // Everything but the moment each was made.
        assertEquals(read, new MetricsSnapshot(handed.schemaVersion(), handed.cik(), handed.ticker(), handed.entityName(),
                handed.revision(), handed.fundamentalsRevision(), read.publishedAt(), handed.quarters()));
    }

    private MetricsService.Applied apply(long revision, List<FiscalQuarterFundamentals> quarters) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> metrics.apply(AlphabetQuarters.snapshotAs(CIK, "SNAPCO",
                revision, quarters)));
    }
}
