package io.capexwatch.tracker.repository;

import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.tracker.AlphabetQuarters;
import io.capexwatch.tracker.metrics.MetricsCalculator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Metrics rows survive the round trip through the real PostgreSQL exactly: money, ratios, provenance. */
@QuarkusTest
class QuarterMetricsRepositoryTest {
    private static final long CIK = 1_045_810L;

    @Inject
    CompanyMetricsRepository companies;

    @Inject
    QuarterMetricsRepository quarters;

    @Test
    @RunOnVertxContext
    void metricsRoundTripExactly(UniAsserter asserter) {
        List<QuarterMetrics> series = MetricsCalculator.compute(AlphabetQuarters.quarters());
        CompanyMetricsEntity company = new CompanyMetricsEntity();
        company.cik = CIK;
        company.ticker = "TEST";
        company.fundamentalsRevision = 1;
        company.revision = 1;
        company.updatedAt = Instant.parse("2026-05-01T00:00:00Z");

        asserter.execute(() -> Panache.withTransaction(() -> companies.persist(company)
                .chain(() -> quarters.persist(series.stream().map(m -> QuarterMetricsEntity.of(CIK, m)).toList()))));
        asserter.assertThat(() -> quarters.listForCompany(CIK),
                rows -> assertEquals(series, rows.stream().map(QuarterMetricsEntity::toMetrics).toList()));
        asserter.assertEquals(() -> companies.findByTicker("test").map(c -> c.cik), CIK);
        asserter.execute(() -> Panache.withTransaction(() -> quarters.delete("cik", CIK)
                .chain(() -> companies.deleteById(CIK))));
    }
}
