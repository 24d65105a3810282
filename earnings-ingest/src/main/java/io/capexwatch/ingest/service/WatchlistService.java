package io.capexwatch.ingest.service;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Adding and removing watched companies. Removing one stops polling it; its stored filings stay. A watched
 * CIK keeps its ticker (adding it under another answers 409); writes hold the watchlist lock and the
 * company's row lock, so they neither race each other nor undo an import.
 */
@ApplicationScoped
public class WatchlistService {
    private static final Pattern TICKER = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-]{0,9}");
    private static final String TICKER_RULE = "ticker: 1 to 10 letters, digits, '.' or '-', starting with a letter";
    private static final BigDecimal MAX_CIK = BigDecimal.valueOf(9_999_999_999L);

    private final CompanyRepository companies;

    public WatchlistService(CompanyRepository companies) {
        this.companies = companies;
    }

    @WithTransaction
    public Uni<CompanyEntity> add(String ticker, long cik) {
        String normalized = ticker.trim().toUpperCase();
        return companies.lockWatchlist()
                .chain(() -> companies.findForUpdate(cik))
                .chain(byCik -> companies.findByTicker(normalized).chain(byTicker -> {
                    if (byCik != null && byCik.watched && normalized.equals(byCik.ticker)) {
                        return Uni.createFrom().item(byCik); // already watched: adding again changes nothing
                    }
                    if (byTicker != null && !byTicker.cik.equals(cik)) {
                        throw new ProblemException(409, "ticker-taken", "Ticker in use",
                                normalized + " already names CIK " + byTicker.cik);
                    }
                    if (byCik != null && byCik.watched) {
                        throw new ProblemException(409, "cik-watched", "CIK already watched",
                                "CIK " + cik + " is watched as " + byCik.ticker + "; remove it first to watch it as " + normalized);
                    }
                    CompanyEntity company = byCik != null ? byCik : new CompanyEntity();
                    company.cik = cik;
                    company.ticker = normalized;
                    company.watched = true;
                    return byCik != null ? Uni.createFrom().item(company) : companies.persist(company);
                }));
    }

    /** @return the company's CIK */
    @WithTransaction
    public Uni<Long> remove(String ticker) {
        return companies.findByTickerForUpdate(ticker).map(company -> {
            if (company == null) {
                throw ProblemException.notFound("no company with ticker " + ticker);
            }
            company.watched = false;
            return company.cik;
        });
    }

    /** @return the CIK as a long; 400 listing every rule broken */
    public static long validate(String ticker, BigDecimal cik) {
        List<String> errors = new ArrayList<>();
        if (ticker == null || !TICKER.matcher(ticker.trim()).matches()) {
            errors.add(TICKER_RULE);
        }
        if (cik == null || cik.scale() > 0 || cik.signum() <= 0 || cik.compareTo(MAX_CIK) > 0) {
            errors.add("cik: a positive whole number of at most 10 digits");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-company", "not a valid company", errors);
        }
        return cik.longValueExact();
    }

    /** A ticker from a path: 400 unless it could name a company (no database lookup for anything else). */
    public static String validTicker(String ticker) {
        if (ticker == null || !TICKER.matcher(ticker).matches()) {
            String shown = ticker == null ? "" : ticker.length() > 20 ? ticker.substring(0, 20) + "..." : ticker;
            throw ProblemException.badRequest("invalid-ticker", "'" + shown + "' is not a ticker", List.of(TICKER_RULE));
        }
        return ticker;
    }
}
