package io.capexwatch.ingest.repository;

import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.SourceFact;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Quarter rows, JSON provenance columns and the outbox marker on the real PostgreSQL. */
@QuarkusTest
class QuarterValueRepositoryTest {
    private static final long NVIDIA = 1_045_810L;

    @Inject
    QuarterValueRepository quarterValues;

    @Inject
    CompanyRepository companies;

    @Test
    @RunOnVertxContext
    void storesAndReadsProvenanceAsJson(UniAsserter asserter) {
        QuarterValueEntity row = new QuarterValueEntity();
        row.cik = NVIDIA;
        row.metric = FundamentalMetric.CAPEX;
        row.fiscalYear = 2026;
        row.fiscalQuarter = 4;
        row.periodStart = LocalDate.parse("2025-10-27");
        row.periodEnd = LocalDate.parse("2026-01-25");
        row.valueUsd = 1_284_000_000L;
        row.concept = "PaymentsToAcquireProductiveAssets";
        row.accession = "0001045810-26-000021";
        row.form = "10-K";
        row.filed = LocalDate.parse("2026-02-25");
        row.derivation = "FY-9M";
        Filing tenK = new Filing("0001045810-26-000021", "10-K", LocalDate.parse("2026-02-25"));
        row.details = new QuarterValueEntity.QuarterValueDetails(List.of(
                new SourceFact(LocalDate.parse("2025-01-27"), LocalDate.parse("2026-01-25"), 6_000_000_000L, tenK),
                new SourceFact(LocalDate.parse("2025-01-27"), LocalDate.parse("2025-10-26"), 4_716_000_000L, tenK)),
                List.of("TEST_FLAG"));

        asserter.execute(() -> Panache.withTransaction(() -> quarterValues.persist(row)));
        asserter.assertThat(() -> quarterValues.listForCompany(NVIDIA), rows -> {
            QuarterValueEntity read = rows.stream().filter(r -> r.periodEnd.equals(row.periodEnd)).findFirst().orElseThrow();
            assertEquals(1_284_000_000L, read.valueUsd);
            assertEquals(row.details, read.details);
            assertEquals(4_716_000_000L, read.details.derivedFrom().get(1).value());
        });
        asserter.execute(() -> Panache.withTransaction(() -> quarterValues.delete("cik", NVIDIA)));
    }

    @Test
    @RunOnVertxContext
    void thePublishedMarkerNeverMovesBackwards(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> companies.findById(NVIDIA)
                .invoke(c -> { c.revision = 5; c.publishedRevision = 3; })));
        asserter.assertEquals(() -> Panache.withTransaction(() -> companies.markPublished(NVIDIA, 4)), 1);
        asserter.assertEquals(() -> Panache.withTransaction(() -> companies.markPublished(NVIDIA, 2)), 0);
        asserter.assertThat(() -> companies.listUnpublished(), list -> assertEquals(List.of(NVIDIA),
                list.stream().map(c -> c.cik).filter(cik -> cik == NVIDIA).toList()));
        asserter.execute(() -> Panache.withTransaction(() -> companies.findById(NVIDIA)
                .invoke(c -> { c.revision = 0; c.publishedRevision = 0; })));
    }
}
