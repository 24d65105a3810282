package io.capexwatch.ingest.service;

import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.QuarterValueRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads of the watchlist and its stored quarters. */
@ApplicationScoped
public class CompanyService {
    private final CompanyRepository companies;
    private final QuarterValueRepository quarterValues;

    public CompanyService(CompanyRepository companies, QuarterValueRepository quarterValues) {
        this.companies = companies;
        this.quarterValues = quarterValues;
    }

    @WithSession
    public Uni<List<CompanyView>> list() {
        return companies.listByTicker().map(list -> list.stream().map(CompanyService::view).toList());
    }

    /** @return null when no company has the ticker */
    @WithSession
    public Uni<List<FiscalQuarterFundamentals>> fundamentals(String ticker) {
        return companies.findByTicker(ticker).chain(company -> company == null
                ? Uni.createFrom().nullItem()
                : quarterValues.listForCompany(company.cik).map(QuarterValues::toQuarters));
    }

    private static CompanyView view(CompanyEntity c) {
        return new CompanyView(c.ticker, c.cik, c.entityName, c.revision, c.publishedRevision, c.lastImportAt);
    }
}
