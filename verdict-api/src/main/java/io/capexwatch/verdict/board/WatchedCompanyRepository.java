package io.capexwatch.verdict.board;

import io.capexwatch.contracts.messages.FilingStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
@WithSession
public class WatchedCompanyRepository implements PanacheRepositoryBase<WatchedCompanyEntity, Long> {
    /**
     * One statement, so a redelivery or a second replica's consumer racing it never fails on the key. A status
     * polled before the one held (a redelivered older message) changes nothing; announcements without a poll
     * time (AWAITING_FIRST_POLL) never overwrite a polled status.
     */
    private static final String UPSERT = """
            insert into watched_company (cik, ticker, status, detail, last_filing_accession, last_filing_form,
                                         last_filing_date, polled_at, updated_at)
            values (:cik, :ticker, :status, :detail, :accession, :form, :filed, :polledAt, :now)
            on conflict (cik) do update set ticker = excluded.ticker, status = excluded.status,
                detail = excluded.detail, last_filing_accession = excluded.last_filing_accession,
                last_filing_form = excluded.last_filing_form, last_filing_date = excluded.last_filing_date,
                polled_at = excluded.polled_at, updated_at = excluded.updated_at
            where watched_company.polled_at is null
               or (excluded.polled_at is not null and excluded.polled_at >= watched_company.polled_at)
            """;

    public Uni<Void> store(FilingStatus status, Instant now) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("cik", status.cik())
                .setParameter("ticker", status.ticker().toUpperCase(java.util.Locale.ROOT))
                .setParameter("status", status.status())
                .setParameter("detail", status.detail())
                .setParameter("accession", status.lastFiling() == null ? null : status.lastFiling().accession())
                .setParameter("form", status.lastFiling() == null ? null : status.lastFiling().form())
                .setParameter("filed", status.lastFiling() == null ? null : status.lastFiling().filed())
                .setParameter("polledAt", status.polledAt())
                .setParameter("now", now)
                .executeUpdate()).replaceWithVoid();
    }

    /** The watched companies (not those removed from the watchlist). */
    public Uni<List<WatchedCompanyEntity>> byTicker() {
        return list("status <> ?1 order by ticker", FilingStatus.NOT_WATCHED);
    }

    /** The companies removed from the watchlist: their figures stay, but they are no longer in the group. */
    public Uni<java.util.Set<Long>> removedCiks() {
        return list("status", FilingStatus.NOT_WATCHED).map(rows -> rows.stream().map(row -> row.cik)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }
}
