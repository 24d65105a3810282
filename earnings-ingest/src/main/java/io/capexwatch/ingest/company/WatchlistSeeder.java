package io.capexwatch.ingest.company;

import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * Adds the configured watchlist companies that are not in the database yet; never removes any, and never
 * brings back one an admin removed. Replicas starting together take turns (an advisory lock).
 */
@ApplicationScoped
public class WatchlistSeeder {
    /** Start-up observers that need the seeded watchlist observe after this (a larger priority). */
    public static final int STARTUP_PRIORITY = Interceptor.Priority.APPLICATION + 500;

    private static final Logger LOG = Logger.getLogger(WatchlistSeeder.class);

    private final WatchlistConfig config;
    private final CompanyRepository companies;

    public WatchlistSeeder(WatchlistConfig config, CompanyRepository companies) {
        this.config = config;
        this.companies = companies;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) throws Throwable {
        List<String> added = VertxContextSupport.subscribeAndAwait(this::seed);
        LOG.infof("watchlist: %d companies configured, added %s", config.companies().size(), added);
    }

    @WithTransaction
    Uni<List<String>> seed() {
        return companies.lockForSeeding().chain(() -> Multi.createFrom().iterable(config.companies().entrySet())
                .onItem().transformToUniAndConcatenate(this::addIfMissing)
                .select().where(ticker -> !ticker.isEmpty())
                .collect().asList());
    }

    /** @return the ticker when added, "" when the company was already there */
    private Uni<String> addIfMissing(Map.Entry<String, Long> entry) {
        return companies.findById(entry.getValue()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item("");
            }
            CompanyEntity company = new CompanyEntity();
            company.cik = entry.getValue();
            company.ticker = entry.getKey().toUpperCase();
            return companies.persist(company).replaceWith(company.ticker);
        });
    }
}
