package io.capexwatch.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import io.capexwatch.ingest.edgar.EdgarClient;
import io.capexwatch.ingest.edgar.EdgarConfig;
import io.capexwatch.ingest.edgar.EdgarResponse;
import io.capexwatch.ingest.edgar.InvalidCompanyFactsException;
import io.capexwatch.ingest.edgar.Submissions;
import io.capexwatch.ingest.messaging.FilingStatusPublisher;
import io.capexwatch.ingest.quarters.MetricConcepts;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.PollStatus;
import io.capexwatch.ingest.repository.PollerLeaseRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Polls EDGAR for every watched company: the submissions document (conditional, so an unchanged one
 * costs nothing) tells whether a new 10-Q, 10-K or amendment with XBRL has arrived, in which case the
 * companyfacts document is fetched and goes through the same import as {@code POST /api/imports}; an
 * earnings release (8-K item 2.02) newer than the latest report marks the company "results released,
 * awaiting filing"; each company's status goes to verdict-api after every poll. One replica polls at a time
 * (a lease in PostgreSQL). A failed poll or a document that does not parse is logged and counted and leaves
 * the stored data untouched.
 */
@ApplicationScoped
public class EdgarPoller {
    private static final Logger LOG = Logger.getLogger(EdgarPoller.class);
    private static final String LEASE = "edgar";

    private final EdgarConfig config;
    private final EdgarClient edgar;
    private final CompanyRepository companies;
    private final PollerLeaseRepository lease;
    private final ImportService imports;
    private final PublicationService publication;
    private final FilingStatusPublisher filingStatus;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final Duration leaseTtl;
    private final String instance = UUID.randomUUID().toString();
    private final CompanyFactsParser parser = new CompanyFactsParser(MetricConcepts.allConcepts());

    public EdgarPoller(EdgarConfig config, EdgarClient edgar, CompanyRepository companies, PollerLeaseRepository lease,
                       ImportService imports, PublicationService publication, FilingStatusPublisher filingStatus,
                       ObjectMapper mapper, Vertx vertx, MeterRegistry metrics) {
        this.config = config;
        this.edgar = edgar;
        this.companies = companies;
        this.lease = lease;
        this.imports = imports;
        this.publication = publication;
        this.filingStatus = filingStatus;
        this.mapper = mapper;
        this.vertx = vertx;
        this.metrics = metrics;
        this.leaseTtl = config.pollInterval().multipliedBy(3).plusMinutes(1);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.pollingEnabled()) {
            LOG.info("EDGAR polling is disabled (capexwatch.edgar.polling-enabled=false); imports still work");
        } else if (!enabled()) {
            LOG.warn("EDGAR polling is OFF: SEC fair access requires a User-Agent with a contact. Set "
                    + "capexwatch.edgar.user-agent (env CAPEXWATCH_EDGAR_USER_AGENT) to e.g. "
                    + "\"Example Research research@example.com\". Imports still work.");
        } else {
            LOG.infof("EDGAR polling %s at up to %s requests/s as \"%s\"", config.baseUrl(),
                    config.requestsPerSecond(), config.userAgent().orElseThrow());
        }
    }

    public boolean enabled() {
        return config.pollingEnabled() && config.userAgent().filter(ua -> !ua.isBlank()).isPresent();
    }

    @Scheduled(every = "${capexwatch.edgar.poll-interval:300s}", delayed = "${capexwatch.edgar.first-poll-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPoll() {
        return enabled() ? pollIfLeader().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /** @return whether this replica held the lease and polled */
    public Uni<Boolean> pollIfLeader() {
        return lease.tryAcquire(LEASE, instance, leaseTtl).call(leader -> leader ? pollAll() : Uni.createFrom().voidItem());
    }

    private Uni<Void> pollAll() {
        return companies.listByTicker()
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(company -> poll(company).call(() -> filingStatus.publish(company.cik)))
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> poll(CompanyEntity company) {
        return edgar.get("/submissions/CIK%010d.json".formatted(company.cik), company.submissionsEtag,
                        company.submissionsLastModified)
                .chain(response -> response.notModified()
                        ? record(company.cik, c -> c.lastPollAt = Instant.now())
                        : vertx.executeBlocking(Uni.createFrom().item(() -> Submissions.parse(mapper, response.body())))
                        .chain(submissions -> onSubmissions(company, submissions, response)))
                .onFailure().recoverWithUni(e -> failed(company, e));
    }

    private Uni<Void> onSubmissions(CompanyEntity company, Submissions submissions, EdgarResponse response) {
        if (submissions.cik() != company.cik) {
            throw new InvalidCompanyFactsException("submissions document is for CIK " + submissions.cik(), List.of());
        }
        Optional<Submissions.Filing> latest = submissions.latestPeriodicReport();
        boolean newReport = latest.isPresent() && !latest.get().accession().equals(company.lastFilingAccession);
        Uni<Void> facts = newReport || company.revision == 0 ? fetchFacts(company) : Uni.createFrom().voidItem();
        Optional<Submissions.Filing> awaiting = submissions.resultsAwaitingFiling();
        return facts.chain(() -> record(company.cik, c -> {
            c.lastPollAt = Instant.now();
            c.submissionsEtag = response.etag();
            c.submissionsLastModified = response.lastModified();
            latest.ifPresent(f -> {
                c.lastFilingAccession = f.accession();
                c.lastFilingForm = f.form();
                c.lastFilingDate = f.filed();
            });
            submissions.latestResultsRelease().ifPresent(r -> {
                c.resultsReleaseAccession = r.accession();
                c.resultsReleaseDate = r.filed();
            });
            c.pollStatus = awaiting.isPresent() ? PollStatus.RESULTS_RELEASED_AWAITING_FILING : PollStatus.UP_TO_DATE;
            c.pollDetail = awaiting.map(r -> "results released " + r.filed() + " (8-K " + r.accession()
                    + "), awaiting the 10-Q/10-K").orElse(latest.map(f -> "latest " + f.form() + " " + f.accession()
                    + " filed " + f.filed() + " imported").orElse("no 10-Q or 10-K with XBRL yet"));
        }));
    }

    private Uni<Void> fetchFacts(CompanyEntity company) {
        return edgar.get("/api/xbrl/companyfacts/CIK%010d.json".formatted(company.cik), company.factsEtag,
                        company.factsLastModified)
                .chain(response -> {
                    if (response.notModified()) {
                        return Uni.createFrom().voidItem();
                    }
                    return vertx.executeBlocking(Uni.createFrom().item(() -> parser.parse(new ByteArrayInputStream(response.body()))))
                            .invoke(facts -> {
                                if (facts.cik() != company.cik) {
                                    throw new InvalidCompanyFactsException("companyfacts document is for CIK " + facts.cik(), List.of());
                                }
                            })
                            .chain(imports::store)
                            .invoke(result -> LOG.infof("EDGAR: %s companyfacts imported, %d new facts, %d values changed",
                                    company.ticker, result.factsAdded(), result.valuesChanged()))
                            .call(result -> publication.publishIfPending(company.cik).onFailure().recoverWithNull())
                            .chain(result -> record(company.cik, c -> {
                                c.factsEtag = response.etag();
                                c.factsLastModified = response.lastModified();
                            }));
                });
    }

    private Uni<Void> failed(CompanyEntity company, Throwable e) {
        String reason = e instanceof InvalidCompanyFactsException invalid
                ? "rejected: " + invalid.getMessage() + (invalid.errors().isEmpty() ? "" : " " + invalid.errors())
                : e.getMessage();
        if (e instanceof InvalidCompanyFactsException) {
            metrics.counter("capexwatch.edgar.rejected_documents").increment();
        }
        metrics.counter("capexwatch.edgar.poll.failures").increment();
        LOG.errorf("EDGAR poll of %s (CIK %d) failed, stored data unchanged: %s", company.ticker, company.cik, reason);
        return record(company.cik, c -> {
            c.lastPollAt = Instant.now();
            c.pollStatus = PollStatus.POLL_FAILED;
            c.pollDetail = reason == null ? e.getClass().getSimpleName() : reason.substring(0, Math.min(reason.length(), 500));
        });
    }

    @WithTransaction
    Uni<Void> record(long cik, Consumer<CompanyEntity> change) {
        return companies.findById(cik).invoke(change).replaceWithVoid();
    }
}
