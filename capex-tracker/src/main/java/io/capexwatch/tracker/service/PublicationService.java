package io.capexwatch.tracker.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.capexwatch.contracts.messages.MetricsSnapshot;
import io.capexwatch.tracker.repository.CompanyMetricsEntity;
import io.capexwatch.tracker.repository.CompanyMetricsRepository;
import io.capexwatch.tracker.repository.QuarterMetricsEntity;
import io.capexwatch.tracker.repository.QuarterMetricsRepository;
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

/** The outbox: a company whose metrics revision is ahead of the published one gets its series sent. */
@ApplicationScoped
public class PublicationService {
    private static final Logger LOG = Logger.getLogger(PublicationService.class);

    private final CompanyMetricsRepository companies;
    private final QuarterMetricsRepository quarters;
    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    public PublicationService(CompanyMetricsRepository companies, QuarterMetricsRepository quarters,
                              @Channel("metrics") MutinyEmitter<String> emitter, ObjectMapper mapper,
                              MeterRegistry metrics) {
        this.companies = companies;
        this.quarters = quarters;
        this.emitter = emitter;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @WithTransaction
    public Uni<Void> publishIfPending(long cik) {
        return companies.findById(cik).chain(company -> company == null || !company.unpublished()
                ? Uni.createFrom().voidItem()
                : publish(company));
    }

    private Uni<Void> publish(CompanyMetricsEntity company) {
        return quarters.listForCompany(company.cik)
                .map(rows -> new MetricsSnapshot(MetricsSnapshot.SCHEMA_VERSION, company.cik, company.ticker,
                        company.entityName, company.revision, company.fundamentalsRevision, Instant.now(),
                        rows.stream().map(QuarterMetricsEntity::toMetrics).toList()))
                .call(snapshot -> KafkaMessages.send(emitter, mapper, snapshot))
                .call(snapshot -> companies.markPublished(company.cik, snapshot.revision()))
                .invoke(snapshot -> {
                    metrics.counter("capexwatch.metrics.published").increment();
                    LOG.infof("published metrics of %s revision %d", company.ticker, snapshot.revision());
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
                            metrics.counter("capexwatch.metrics.publish.failures").increment();
                            LOG.warnf("publishing metrics of %s failed, will retry: %s", company.ticker, e.getMessage());
                        })
                        .onFailure().recoverWithNull())
                .collect().last()
                .replaceWithVoid();
    }
}
