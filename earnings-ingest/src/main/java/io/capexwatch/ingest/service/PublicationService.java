package io.capexwatch.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.contracts.outbox.Outbox;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.QuarterValueEntity;
import io.capexwatch.ingest.repository.QuarterValueRepository;
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

/**
 * The fundamentals outbox ({@link Outbox}): a company whose revision is ahead of its published revision gets
 * its current snapshot sent, right after an import and again by a periodic sweep.
 */
@ApplicationScoped
public class PublicationService implements Outbox.Store<FundamentalsSnapshot> {
    private final CompanyRepository companies;
    private final QuarterValueRepository quarterValues;
    private final Outbox<FundamentalsSnapshot> outbox;

    public PublicationService(CompanyRepository companies, QuarterValueRepository quarterValues,
                              @Channel("fundamentals") MutinyEmitter<String> emitter, ObjectMapper mapper,
                              MeterRegistry metrics,
                              @ConfigProperty(name = "capexwatch.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout) {
        this.companies = companies;
        this.quarterValues = quarterValues;
        this.outbox = new Outbox<>("fundamentals", this, emitter, mapper, metrics, sendTimeout,
                snapshot -> snapshot.quarters().size() + " quarters, " + snapshot.changes().size() + " values changed");
    }

    /** Publishes the company's snapshot if it has unpublished changes; never fails (the sweep retries). */
    public Uni<Void> publishIfPending(long cik) {
        return outbox.publishIfPending(cik);
    }

    /**
     * Publishes what an import left unpublished: the snapshot it committed, without reading it back; or, when
     * it changed nothing, whatever an earlier failed publication left pending. Never fails.
     */
    public Uni<Void> publish(ImportResult result) {
        return result.unpublished() != null ? outbox.publishCommitted(result.unpublished()) : outbox.publishIfPending(result.cik());
    }

    @Scheduled(every = "${capexwatch.outbox.sweep-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return outbox.sweep();
    }

    /**
     * The company row is read with a share lock, so an import committing meanwhile (it updates that row)
     * waits for this short transaction: revision and quarters come from one state.
     */
    @Override
    public Uni<FundamentalsSnapshot> loadPending(long cik) {
        return Panache.withTransaction(() -> companies.findById(cik, LockModeType.PESSIMISTIC_READ)
                .chain(company -> company == null || !company.unpublished() ? Uni.createFrom().nullItem()
                        : quarterValues.listForCompany(cik).map(rows -> snapshot(company, rows))));
    }

    /** What is published of a company: its row, its quarters, and the values changed since its last publication. */
    static FundamentalsSnapshot snapshot(CompanyEntity company, List<QuarterValueEntity> rows) {
        return new FundamentalsSnapshot(FundamentalsSnapshot.SCHEMA_VERSION, company.cik, company.ticker,
                company.entityName, company.revision, Instant.now(), QuarterValues.toQuarters(rows, company.companyMeasures),
                QuarterValues.changesSince(rows, company.publishedRevision));
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
