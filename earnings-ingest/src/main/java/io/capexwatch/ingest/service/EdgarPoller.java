package io.capexwatch.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import io.capexwatch.ingest.edgar.EdgarClient;
import io.capexwatch.ingest.edgar.EdgarConfig;
import io.capexwatch.ingest.edgar.EdgarResponse;
import io.capexwatch.ingest.edgar.InvalidCompanyFactsException;
import io.capexwatch.ingest.edgar.Submissions;
import io.capexwatch.ingest.messaging.FilingStatusPublisher;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.FiledFactRepository;
import io.capexwatch.ingest.repository.PollStateUpdate;
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
import java.util.Set;
import java.util.UUID;

/**
 * Polls EDGAR for every watched company: the submissions document (conditional, so an unchanged one
 * costs nothing) tells whether a new 10-Q, 10-K or amendment with XBRL has arrived, in which case the
 * companyfacts document is fetched and goes through the same import as {@code POST /api/imports}, and so
 * does the filing's own XBRL from the archive ({@link FilingXbrlFetcher}); both are fetched again on every
 * poll while the filing's figures are not stored (status AWAITING_XBRL); the older recent reports' own
 * XBRL is fetched once each (back-fill, {@code capexwatch.edgar.xbrl-backfill-reports}); an
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
    private final FiledFactRepository filedFacts;
    private final PublicationService publication;
    private final FilingStatusPublisher filingStatus;
    private final FilingXbrlFetcher filingXbrl;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final Duration leaseTtl;
    private final String instance = UUID.randomUUID().toString();
    private final CompanyFactsParser parser;

    public EdgarPoller(EdgarConfig config, EdgarClient edgar, CompanyRepository companies, PollerLeaseRepository lease,
                       FiledFactRepository filedFacts, ImportService imports, PublicationService publication,
                       FilingStatusPublisher filingStatus, FilingXbrlFetcher filingXbrl,
                       Definitions definitions, ObjectMapper mapper, Vertx vertx, MeterRegistry metrics) {
        this.parser = new CompanyFactsParser(definitions.companyFactsConcepts());
        this.config = config;
        this.edgar = edgar;
        this.companies = companies;
        this.lease = lease;
        this.imports = imports;
        this.filedFacts = filedFacts;
        this.publication = publication;
        this.filingStatus = filingStatus;
        this.filingXbrl = filingXbrl;
        this.mapper = mapper;
        this.vertx = vertx;
        this.metrics = metrics;
        this.leaseTtl = config.leaseTtl().orElse(config.pollInterval().multipliedBy(3).plusMinutes(1));
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
        // While a filing's XBRL is awaited, submissions is fetched in full: its latest report is what the
        // companyfacts document is checked against.
        boolean awaiting = company.pollStatus == PollStatus.AWAITING_XBRL;
        return edgar.get("/submissions/CIK%010d.json".formatted(company.cik), awaiting ? null : company.submissionsEtag,
                        awaiting ? null : company.submissionsLastModified)
                .chain(response -> response.notModified()
                        ? record(company.cik, new PollStateUpdate().polledAt(Instant.now()))
                        : vertx.executeBlocking(Uni.createFrom().item(() -> Submissions.parse(mapper, response.body())))
                        .chain(submissions -> onSubmissions(company, submissions, response)))
                .onFailure().recoverWithUni(e -> failed(company, e));
    }

    private Uni<Void> onSubmissions(CompanyEntity company, Submissions submissions, EdgarResponse response) {
        if (submissions.cik() != company.cik) {
            throw new InvalidCompanyFactsException("submissions document is for CIK " + submissions.cik(), List.of());
        }
        Optional<Submissions.Filing> latest = submissions.latestPeriodicReport();
        boolean processed = latest.isPresent() && latest.get().accession().equals(company.lastFilingAccession);
        Uni<FactsFetch> facts = !processed || company.revision == 0 ? fetchFacts(company) : Uni.createFrom().item(FactsFetch.NOT_FETCHED);
        return facts.chain(fetch -> (latest.isEmpty() || processed ? Uni.createFrom().item(NOT_NEEDED)
                        : filingXbrl.fetchAndStore(company, latest.get()))
                .chain(xbrl -> backfill(company, submissions, xbrl)
                        .chain(backfilled -> (latest.isEmpty() ? Uni.createFrom().item(false)
                                : filedFacts.hasFiling(company.cik, latest.get().accession()))
                                .map(stored -> outcome(company, submissions, fetch, xbrl, processed, stored)
                                        // Not stored yet: the next poll reads submissions in full and tries again.
                                        .submissionsValidators(backfilled ? response.etag() : null,
                                                backfilled ? response.lastModified() : null)))
                        .chain(update -> record(company.cik, update))));
    }

    /**
     * The own XBRL of the older ones of the latest {@code capexwatch.edgar.xbrl-backfill-reports} periodic
     * reports (and of the latest, where it was processed before without it), oldest last, each fetched once:
     * what is stored is skipped without a request. Stops at the first filing the archive does not have (an
     * EDGAR mirror or stub without the archive).
     *
     * @return whether every one is stored (or the archive has none), so submissions may be asked conditionally
     */
    private Uni<Boolean> backfill(CompanyEntity company, Submissions submissions, FilingXbrlFetcher.Outcome latest) {
        if (latest.kind() != FilingXbrlFetcher.Outcome.Kind.STORED) {
            return Uni.createFrom().item(true); // the latest is awaited (every poll reads submissions) or not in the archive
        }
        List<Submissions.Filing> reports = submissions.latestPeriodicReports(config.xbrlBackfillReports());
        return fetchInTurn(company, latest == NOT_NEEDED ? reports : reports.subList(Math.min(1, reports.size()), reports.size()), true);
    }

    private Uni<Boolean> fetchInTurn(CompanyEntity company, List<Submissions.Filing> filings, boolean complete) {
        if (filings.isEmpty()) {
            return Uni.createFrom().item(complete);
        }
        return filingXbrl.fetchAndStore(company, filings.getFirst()).chain(outcome -> switch (outcome.kind()) {
            case NOT_IN_ARCHIVE -> Uni.createFrom().item(complete);
            case RETRY -> fetchInTurn(company, filings.subList(1, filings.size()), false);
            case STORED -> fetchInTurn(company, filings.subList(1, filings.size()), complete);
        });
    }

    private static final FilingXbrlFetcher.Outcome NOT_NEEDED =
            new FilingXbrlFetcher.Outcome(FilingXbrlFetcher.Outcome.Kind.STORED, "processed before");

    /**
     * What a poll found. The latest periodic report counts as processed only once its figures are stored:
     * its own XBRL from the archive (or, where the archive has no such filing, companyfacts carries it: its
     * facts are stored, or the document lists its accession without any figure capex-watch tracks); until
     * then the status is AWAITING_XBRL and every poll fetches both again.
     */
    private PollStateUpdate outcome(CompanyEntity company, Submissions submissions, FactsFetch fetch,
                                    FilingXbrlFetcher.Outcome xbrl, boolean processed, boolean stored) {
        Instant now = Instant.now();
        PollStateUpdate update = new PollStateUpdate().polledAt(now);
        if (fetch.fetched()) {
            update.factsValidators(fetch.etag(), fetch.lastModified());
        }
        submissions.latestResultsRelease().ifPresent(r -> update.resultsRelease(r.accession(), r.filed()));
        Optional<Submissions.Filing> latest = submissions.latestPeriodicReport();
        if (latest.isEmpty()) {
            return update.awaitingXbrl(null, null).status(submissions.resultsAwaitingFiling().isPresent()
                    ? PollStatus.RESULTS_RELEASED_AWAITING_FILING : PollStatus.UP_TO_DATE, "no 10-Q or 10-K with XBRL yet");
        }
        Submissions.Filing filing = latest.get();
        if (xbrl.kind() == FilingXbrlFetcher.Outcome.Kind.RETRY) {
            return awaitingXbrl(company, filing, now, update, "its XBRL is not stored yet (" + xbrl.detail() + ")");
        }
        if (!processed && !stored && !fetch.accessions().contains(filing.accession())) {
            return awaitingXbrl(company, filing, now, update, "companyfacts does not carry it yet");
        }
        update.lastFiling(filing.accession(), filing.form(), filing.filed()).awaitingXbrl(null, null);
        Optional<Submissions.Filing> release = submissions.resultsAwaitingFiling();
        if (release.isPresent()) {
            return update.status(PollStatus.RESULTS_RELEASED_AWAITING_FILING, "results released " + release.get().filed()
                    + " (8-K " + release.get().accession() + "), awaiting the 10-Q/10-K");
        }
        return update.status(PollStatus.UP_TO_DATE, "latest " + filing.form() + " " + filing.accession() + " filed "
                + filing.filed() + (stored ? " imported" : ": companyfacts carries no figure capex-watch tracks for it"));
    }

    private PollStateUpdate awaitingXbrl(CompanyEntity company, Submissions.Filing filing, Instant now, PollStateUpdate update,
                                         String why) {
        Instant since = filing.accession().equals(company.awaitingXbrlAccession) && company.awaitingXbrlSince != null
                ? company.awaitingXbrlSince : now;
        Duration waited = Duration.between(since, now);
        if (waited.compareTo(config.xbrlLagWarning()) > 0) {
            metrics.counter("capexwatch.edgar.xbrl_lag_exceeded", "ticker", company.ticker).increment();
            LOG.warnf("EDGAR: %s %s %s listed in submissions for %s, still awaited: %s (limit %s)",
                    company.ticker, filing.form(), filing.accession(), waited, why, config.xbrlLagWarning());
        }
        return update.awaitingXbrl(filing.accession(), since).status(PollStatus.AWAITING_XBRL, filing.form() + " "
                + filing.accession() + " filed " + filing.filed() + " listed; " + why + " (since " + since + ")");
    }

    /**
     * A companyfacts fetch: whether a new document came (else 304 or not asked), and the accessions of all
     * its facts, tracked concepts or not.
     */
    private record FactsFetch(boolean fetched, Set<String> accessions, String etag, String lastModified) {
        static final FactsFetch NOT_FETCHED = new FactsFetch(false, Set.of(), null, null);
    }

    private Uni<FactsFetch> fetchFacts(CompanyEntity company) {
        return edgar.get("/api/xbrl/companyfacts/CIK%010d.json".formatted(company.cik), company.factsEtag,
                        company.factsLastModified)
                .chain(response -> {
                    if (response.notModified()) {
                        return Uni.createFrom().item(FactsFetch.NOT_FETCHED);
                    }
                    return vertx.executeBlocking(Uni.createFrom().item(() -> parser.parse(new ByteArrayInputStream(response.body()))))
                            .invoke(facts -> {
                                if (facts.cik() != company.cik) {
                                    throw new InvalidCompanyFactsException("companyfacts document is for CIK " + facts.cik(), List.of());
                                }
                            })
                            .chain(facts -> imports.store(facts)
                                    .invoke(result -> LOG.infof("EDGAR: %s companyfacts imported, %d new facts, %d values changed",
                                            company.ticker, result.factsAdded(), result.valuesChanged()))
                                    // The outbox logs, counts and leaves to its sweep whatever fails; it never fails the poll.
                                    .call(publication::publish)
                                    .replaceWith(new FactsFetch(true, facts.accessions(), response.etag(), response.lastModified())));
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
        return record(company.cik, new PollStateUpdate().polledAt(Instant.now())
                .status(PollStatus.POLL_FAILED, reason == null ? e.getClass().getSimpleName() : reason));
    }

    /** Writes only the poll-status columns, so it never undoes an import committing at the same time. */
    @WithTransaction
    Uni<Void> record(long cik, PollStateUpdate update) {
        return companies.updatePollState(cik, update).replaceWithVoid();
    }
}
