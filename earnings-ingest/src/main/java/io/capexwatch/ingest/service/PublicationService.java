package io.capexwatch.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.QuarterValueRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The outbox: a company whose revision is ahead of its published revision gets its current snapshot sent,
 * right after an import and again by a periodic sweep, so a Kafka outage delays publication but never
 * loses it.
 */
@ApplicationScoped
public class PublicationService {
    private static final Logger LOG = Logger.getLogger(PublicationService.class);

    private final CompanyRepository companies;
    private final QuarterValueRepository quarterValues;
    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    public PublicationService(CompanyRepository companies, QuarterValueRepository quarterValues,
                              @Channel("fundamentals") MutinyEmitter<String> emitter, ObjectMapper mapper,
                              MeterRegistry metrics) {
        this.companies = companies;
        this.quarterValues = quarterValues;
        this.emitter = emitter;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Publishes the company's snapshot if it has unpublished changes. */
    @WithTransaction
    public Uni<Void> publishIfPending(long cik) {
        return companies.findById(cik).chain(company -> company == null || !company.unpublished()
                ? Uni.createFrom().voidItem()
                : publish(company));
    }

    private Uni<Void> publish(CompanyEntity company) {
        return quarterValues.listForCompany(company.cik)
                .map(rows -> new FundamentalsSnapshot(FundamentalsSnapshot.SCHEMA_VERSION, company.cik, company.ticker,
                        company.entityName, company.revision, Instant.now(), QuarterValues.toQuarters(rows),
                        QuarterValues.changesSince(rows, company.publishedRevision)))
                .call(snapshot -> KafkaMessages.send(emitter, mapper, snapshot))
                .call(snapshot -> companies.markPublished(company.cik, snapshot.revision()))
                .invoke(snapshot -> {
                    metrics.counter("capexwatch.fundamentals.published").increment();
                    LOG.infof("published fundamentals of %s revision %d (%d quarters, %d values changed)",
                            company.ticker, snapshot.revision(), snapshot.quarters().size(), snapshot.changes().size());
                })
                .replaceWithVoid();
    }

    @Scheduled(every = "${capexwatch.outbox.sweep-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return companies.listUnpublished()
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(company -> publishIfPending(company.cik)
                        .onFailure().invoke(e -> {
                            metrics.counter("capexwatch.fundamentals.publish.failures").increment();
                            LOG.warnf("publishing %s failed, will retry: %s", company.ticker, e.getMessage());
                        })
                        .onFailure().recoverWithNull())
                .collect().last()
                .replaceWithVoid();
    }
}
