package io.capexwatch.ingest.service;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Adding and removing watched companies. Removing one stops polling it; its stored filings stay. */
@ApplicationScoped
public class WatchlistService {
    private final CompanyRepository companies;

    public WatchlistService(CompanyRepository companies) {
        this.companies = companies;
    }

    @WithTransaction
    public Uni<CompanyEntity> add(String ticker, long cik) {
        String normalized = ticker.trim().toUpperCase();
        return companies.findById(cik).chain(byCik -> companies.findByTicker(normalized).chain(byTicker -> {
            if (byCik != null && byCik.watched && normalized.equals(byCik.ticker)) {
                return Uni.createFrom().item(byCik); // already watched: adding again changes nothing
            }
            if (byTicker != null && !byTicker.cik.equals(cik)) {
                throw new ProblemException(409, "ticker-taken", "Ticker in use",
                        normalized + " already names CIK " + byTicker.cik);
            }
            CompanyEntity company = byCik != null ? byCik : new CompanyEntity();
            company.cik = cik;
            company.ticker = normalized;
            company.watched = true;
            return byCik != null ? Uni.createFrom().item(company) : companies.persist(company);
        }));
    }

    @WithTransaction
    public Uni<Void> remove(String ticker) {
        return companies.findByTicker(ticker).invoke(company -> {
            if (company == null) {
                throw ProblemException.notFound("no company with ticker " + ticker);
            }
            company.watched = false;
        }).replaceWithVoid();
    }

    public static void validate(String ticker, long cik) {
        List<String> errors = new java.util.ArrayList<>();
        if (ticker == null || !ticker.trim().matches("[A-Za-z][A-Za-z0-9.\\-]{0,9}")) {
            errors.add("ticker: 1 to 10 letters, digits, '.' or '-', starting with a letter");
        }
        if (cik <= 0 || cik > 9_999_999_999L) {
            errors.add("cik: a positive number of at most 10 digits");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-company", "not a valid company", errors);
        }
    }
}
