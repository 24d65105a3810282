package io.capexwatch.tracker.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.contracts.messages.QuarterMetrics;
import io.capexwatch.contracts.outbox.Outbox;
import io.capexwatch.tracker.repository.CompanyMetricsEntity;
import io.capexwatch.tracker.repository.CompanyMetricsRepository;
import io.capexwatch.tracker.repository.QuarterMetricsEntity;
import io.capexwatch.tracker.repository.QuarterMetricsRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The metrics outbox ({@link Outbox}): a company whose metrics revision is ahead of the published one gets its series sent. */
@ApplicationScoped
public class PublicationService implements Outbox.Store<MetricsSnapshot> {
    private final CompanyMetricsRepository companies;
    private final QuarterMetricsRepository quarters;
    private final Outbox<MetricsSnapshot> outbox;

    public PublicationService(CompanyMetricsRepository companies, QuarterMetricsRepository quarters,
                              @Channel("metrics") MutinyEmitter<String> emitter, ObjectMapper mapper,
                              MeterRegistry metrics,
                              @ConfigProperty(name = "capexwatch.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout) {
        this.companies = companies;
        this.quarters = quarters;
        this.outbox = new Outbox<>("metrics", this, emitter, mapper, metrics, sendTimeout,
                snapshot -> snapshot.quarters().size() + " quarters, from fundamentals revision " + snapshot.fundamentalsRevision());
    }

    /** Publishes the company's series if it has unpublished changes; never fails (the sweep retries). */
    public Uni<Void> publishIfPending(long cik) {
        return outbox.publishIfPending(cik);
    }

    /** Publishes a series just committed as unpublished ({@link MetricsService.Applied}); never fails. */
    public Uni<Void> publishCommitted(MetricsSnapshot snapshot) {
        return outbox.publishCommitted(snapshot);
    }

    @Scheduled(every = "${capexwatch.outbox.sweep-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return outbox.sweep();
    }

    /** The share lock on the company row keeps a concurrent apply (which locks it for update) out meanwhile. */
    @Override
    public Uni<MetricsSnapshot> loadPending(long cik) {
        return Panache.withTransaction(() -> companies.findById(cik, LockModeType.PESSIMISTIC_READ)
                .chain(company -> company == null || !company.unpublished() ? Uni.createFrom().nullItem()
                        : quarters.listForCompany(cik)
                        .map(rows -> snapshot(company, rows.stream().map(QuarterMetricsEntity::toMetrics).toList()))));
    }

    /** What is published of a company's series: its row and its quarters in period order. */
    static MetricsSnapshot snapshot(CompanyMetricsEntity company, List<QuarterMetrics> quarters) {
        return new MetricsSnapshot(MetricsSnapshot.SCHEMA_VERSION, company.cik, company.ticker, company.entityName,
                company.revision, company.fundamentalsRevision, Instant.now(), quarters);
    }

    @Override
    public Uni<Void> markPublished(long cik, long revision) {
        return Panache.withTransaction(() -> companies.markPublished(cik, revision)).replaceWithVoid();
    }

    @Override
    public Uni<List<Long>> listUnpublished() {
        return Panache.withSession(() -> companies.listUnpublished())
                .map(list -> list.stream().map(company -> company.cik).toList());
    }
}
