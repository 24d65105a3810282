package io.capexwatch.verdict.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messaging.RetryingConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The filing-status topic read a third time, in its own consumer group (verdict-api-watchlist) from the
 * earliest record, into {@code watched_company}: which companies are watched, for the board
 * ({@link RetryingConsumer}). A store that fails (PostgreSQL down) is retried with backoff until it succeeds;
 * the upsert makes a redelivery harmless. An unreadable payload fails and is ignored by this channel: the
 * verdict cache's channel dead-letters it, once.
 */
@ApplicationScoped
public class WatchlistConsumer {
    private final RetryingConsumer<FilingStatus> consumer;
    private final WatchedCompanyRepository companies;

    public WatchlistConsumer(ObjectMapper mapper, WatchedCompanyRepository companies, MeterRegistry metrics) {
        this.consumer = new RetryingConsumer<>("watchlist_filing_status", FilingStatus.class, FilingStatus.SCHEMA_VERSION,
                mapper, metrics);
        this.companies = companies;
    }

    @Incoming("watchlist-filing-status")
    public Uni<Void> consume(String payload) {
        return consumer.consume(payload, this::store);
    }

    @WithTransaction
    Uni<Void> store(FilingStatus status) {
        return companies.store(status, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
