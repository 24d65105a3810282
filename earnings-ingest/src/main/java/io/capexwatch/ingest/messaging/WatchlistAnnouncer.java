package io.capexwatch.ingest.messaging;

import io.capexwatch.ingest.repository.CompanyRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends every company's EDGAR status (NOT_WATCHED for one removed from the watchlist) shortly after start and then every
 * {@code capexwatch.filing-status.announce-interval}, polling or not: without it verdict-api would not know the
 * companies that have no filing yet (their board tile, "awaiting first filing") until a poll, which never
 * comes where EDGAR polling is off. Consumers ignore repeats, as they do the polls'.
 */
@ApplicationScoped
public class WatchlistAnnouncer {
    private final CompanyRepository companies;
    private final FilingStatusPublisher filingStatus;

    public WatchlistAnnouncer(CompanyRepository companies, FilingStatusPublisher filingStatus) {
        this.companies = companies;
        this.filingStatus = filingStatus;
    }

    @Scheduled(every = "${capexwatch.filing-status.announce-interval:1h}", delayed = "${capexwatch.filing-status.announce-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announce() {
        return companies.listAllByTicker()
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(company -> filingStatus.publish(company.cik))
                .collect().last()
                .replaceWithVoid();
    }
}
