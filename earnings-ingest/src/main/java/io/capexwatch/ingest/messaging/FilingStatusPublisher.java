package io.capexwatch.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Sends a company's EDGAR status to {@code capexwatch.filing-status} after each poll, on a change to the
 * watchlist, and with every announcement ({@link WatchlistAnnouncer}); a company no longer watched as
 * NOT_WATCHED. No outbox: the next poll or announcement sends the status again, so a failure here only delays it.
 */
@ApplicationScoped
public class FilingStatusPublisher {
    private static final Logger LOG = Logger.getLogger(FilingStatusPublisher.class);

    private final CompanyRepository companies;
    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    public FilingStatusPublisher(CompanyRepository companies, @Channel("filing-status") MutinyEmitter<String> emitter,
                                 ObjectMapper mapper, MeterRegistry metrics) {
        this.companies = companies;
        this.emitter = emitter;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @WithSession
    public Uni<Void> publish(long cik) {
        return companies.findById(cik)
                .chain(company -> company == null ? Uni.createFrom().voidItem() : KafkaMessages.send(emitter, mapper, status(company)))
                .onFailure().invoke(e -> {
                    metrics.counter("capexwatch.filing_status.publish.failures").increment();
                    LOG.warnf("filing status of CIK %d not sent, the next poll sends it: %s", cik, e.getMessage());
                })
                .onFailure().recoverWithNull();
    }

    static FilingStatus status(CompanyEntity company) {
        Filing lastFiling = company.lastFilingAccession == null ? null
                : new Filing(company.lastFilingAccession, company.lastFilingForm, company.lastFilingDate);
        Filing release = company.resultsReleaseAccession == null ? null
                : new Filing(company.resultsReleaseAccession, "8-K", company.resultsReleaseDate);
        if (!company.watched) {
            return new FilingStatus(FilingStatus.SCHEMA_VERSION, company.cik, company.ticker, FilingStatus.NOT_WATCHED,
                    "removed from the watchlist: no longer polled; its stored filings stay", lastFiling, release,
                    company.lastPollAt);
        }
        return new FilingStatus(FilingStatus.SCHEMA_VERSION, company.cik, company.ticker, company.pollStatus.name(),
                company.pollDetail, lastFiling, release, company.lastPollAt);
    }
}
