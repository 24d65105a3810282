package io.capexwatch.tracker.service;

import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.tracker.ingest.IngestClient;
import io.capexwatch.tracker.metrics.MetricsCalculator;
import io.capexwatch.tracker.repository.CompanyMetricsEntity;
import io.capexwatch.tracker.repository.CompanyMetricsRepository;
import io.capexwatch.tracker.repository.MetricsRevisionEntity;
import io.capexwatch.tracker.repository.MetricsRevisionRepository;
import io.capexwatch.tracker.repository.QuarterMetricsEntity;
import io.capexwatch.tracker.repository.QuarterMetricsRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes a company's metric series from a fundamentals snapshot. A snapshot whose revision is not newer
 * than the one already applied (a duplicate or redelivery) changes nothing.
 */
@ApplicationScoped
public class MetricsService {
    private static final Logger LOG = Logger.getLogger(MetricsService.class);

    private final CompanyMetricsRepository companies;
    private final QuarterMetricsRepository quarters;
    private final MetricsRevisionRepository revisions;
    private final IngestClient ingest;

    public MetricsService(CompanyMetricsRepository companies, QuarterMetricsRepository quarters,
                          MetricsRevisionRepository revisions, @RestClient IngestClient ingest) {
        this.companies = companies;
        this.quarters = quarters;
        this.revisions = revisions;
        this.ingest = ingest;
    }

    /** One entry of a company's metrics history. */
    public record Revision(long revision, long fundamentalsRevision, Instant computedAt, int changedQuarters) {
    }

    /** @return the company's metric series revisions, newest first; null when no company has the ticker */
    @WithSession
    public Uni<List<Revision>> revisions(String ticker) {
        return companies.findByTicker(ticker).chain(company -> company == null ? Uni.createFrom().nullItem()
                : revisions.forCompany(company.cik).map(rows -> rows.stream()
                        .map(r -> new Revision(r.revision, r.fundamentalsRevision, r.computedAt, r.changedQuarters)).toList()));
    }

    /** @return the series as it was at {@code revision}; null when the company or the revision is unknown */
    @WithSession
    public Uni<CompanyMetrics> metricsAtRevision(String ticker, long revision) {
        return companies.findByTicker(ticker).chain(company -> company == null ? Uni.createFrom().nullItem()
                : revisions.findRevision(company.cik, revision).map(row -> row == null ? null
                        : new CompanyMetrics(company.ticker, company.cik, company.entityName, row.revision, null,
                        row.series.quarters())));
    }

    /**
     * What an apply did.
     *
     * @param applied     false for a duplicate or an older revision
     * @param unpublished the series as committed, when its revision is not published yet: what the outbox's
     *                    read would find, handed to it directly; null otherwise
     */
    public record Applied(boolean applied, MetricsSnapshot unpublished) {
    }

    /**
     * The company row is created if absent and locked first, so a redelivery or a second replica applying the
     * same snapshot concurrently waits and then finds it applied, instead of failing on a unique constraint.
     */
    @WithTransaction
    public Uni<Applied> apply(FundamentalsSnapshot snapshot) {
        return companies.insertIfAbsent(snapshot.cik(), snapshot.ticker(), snapshot.entityName(), Instant.now())
                .chain(() -> companies.lockById(snapshot.cik()))
                .chain(company -> {
                    if (snapshot.revision() <= company.fundamentalsRevision) {
                        LOG.debugf("skipping fundamentals of CIK %d revision %d: already at %d",
                                snapshot.cik(), snapshot.revision(), company.fundamentalsRevision);
                        return Uni.createFrom().item(new Applied(false, null));
                    }
                    List<QuarterMetrics> computed = MetricsCalculator.compute(snapshot.quarters());
                    return quarters.listForCompany(snapshot.cik())
                            .chain(existing -> store(company, snapshot, computed, existing))
                            .map(ignored -> new Applied(true, company.unpublished()
                                    ? PublicationService.snapshot(company, computed) : null));
                });
    }

    private Uni<Void> store(CompanyMetricsEntity company, FundamentalsSnapshot snapshot, List<QuarterMetrics> computed,
                            List<QuarterMetricsEntity> existing) {
        Map<LocalDate, QuarterMetricsEntity> byEnd = new HashMap<>();
        existing.forEach(row -> byEnd.put(row.periodEnd, row));
        List<QuarterMetricsEntity> added = new ArrayList<>();
        int changed = 0;
        for (QuarterMetrics metrics : computed) {
            QuarterMetricsEntity row = byEnd.remove(metrics.periodEnd());
            if (row == null) {
                added.add(QuarterMetricsEntity.of(company.cik, metrics));
                changed++;
            } else if (!row.toMetrics().equals(metrics)) {
                row.set(metrics);
                changed++;
            }
        }
        List<QuarterMetricsEntity> gone = new ArrayList<>(byEnd.values());
        changed += gone.size();
        company.fundamentalsRevision = snapshot.revision();
        company.ticker = snapshot.ticker();
        company.entityName = snapshot.entityName();
        MetricsRevisionEntity history = null;
        if (changed > 0) {
            company.revision++;
            company.updatedAt = Instant.now();
            history = new MetricsRevisionEntity();
            history.cik = company.cik;
            history.revision = company.revision;
            history.fundamentalsRevision = snapshot.revision();
            history.computedAt = company.updatedAt;
            history.changedQuarters = changed;
            history.series = new MetricsRevisionEntity.Series(computed);
        }
        LOG.infof("metrics of %s from fundamentals revision %d: %d quarters, %d changed, revision %d",
                company.ticker, snapshot.revision(), computed.size(), changed, company.revision);
        Uni<Void> deletes = gone.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(gone.stream().map(quarters::delete).toList()).andFailFast().replaceWithVoid();
        MetricsRevisionEntity kept = history;
        return deletes.chain(() -> added.isEmpty() ? Uni.createFrom().voidItem() : quarters.persist(added))
                .chain(() -> kept == null ? Uni.createFrom().voidItem() : revisions.insert(kept));
    }

    /**
     * The series as known on {@code asOf}: computed now from earnings-ingest's fundamentals as known that day
     * (the as-filed history lives there), with the same calculator as the stored series.
     *
     * @return null when no company has the ticker
     */
    public Uni<CompanyMetrics> metricsAsOf(String ticker, LocalDate asOf) {
        return metrics(ticker).chain(current -> current == null ? Uni.createFrom().nullItem()
                : ingest.fundamentals(current.ticker(), asOf.toString())
                .map(fundamentals -> new CompanyMetrics(current.ticker(), current.cik(), current.entityName(), 0, asOf,
                        MetricsCalculator.compute(fundamentals))));
    }

    /** @return null when no company has the ticker */
    @WithSession
    public Uni<CompanyMetrics> metrics(String ticker) {
        return companies.findByTicker(ticker).chain(company -> company == null
                ? Uni.createFrom().nullItem()
                : quarters.listForCompany(company.cik).map(rows -> new CompanyMetrics(company.ticker, company.cik,
                        company.entityName, company.revision, null, rows.stream().map(QuarterMetricsEntity::toMetrics).toList())));
    }
}
