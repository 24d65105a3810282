package io.capexwatch.verdict.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.messages.FilingStatus;
import io.capexwatch.contracts.messages.KafkaMessages;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The filing-status topic read a third time, in its own consumer group (verdict-api-watchlist) from the
 * earliest record, into {@code watched_company}: which companies are watched, for the board. An unreadable
 * payload is skipped (the verdict cache's consumer dead-letters it); if PostgreSQL is down the status is
 * dropped and the next announcement or poll repeats it.
 */
@ApplicationScoped
public class WatchlistConsumer {
    private static final Logger LOG = Logger.getLogger(WatchlistConsumer.class);

    private final ObjectMapper mapper;
    private final WatchedCompanyRepository companies;

    public WatchlistConsumer(ObjectMapper mapper, WatchedCompanyRepository companies) {
        this.mapper = mapper;
        this.companies = companies;
    }

    @Incoming("watchlist-filing-status")
    public Uni<Void> consume(String payload) {
        FilingStatus status;
        try {
            status = KafkaMessages.read(mapper, payload, FilingStatus.class, FilingStatus.SCHEMA_VERSION);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem();
        }
        return store(status)
                .onFailure().invoke(e -> LOG.warnf("watchlist entry of %s not stored, the next announcement repeats it: %s",
                        status.ticker(), e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @WithTransaction
    Uni<Void> store(FilingStatus status) {
        return companies.store(status, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
