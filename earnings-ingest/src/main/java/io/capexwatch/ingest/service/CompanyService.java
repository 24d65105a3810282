package io.capexwatch.ingest.service;

import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.ingest.definitions.CompanyMeasures;
import io.capexwatch.ingest.edgar.XbrlFact;
import io.capexwatch.ingest.quarters.DerivedValue;
import io.capexwatch.ingest.quarters.Normalizer;
import io.capexwatch.ingest.repository.MeasuresByQuarter;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.FiledFactEntity;
import io.capexwatch.ingest.repository.FiledFactRepository;
import io.capexwatch.ingest.repository.QuarterValueRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/** Reads of the watchlist and its quarters, current or as known on a past day. */
@ApplicationScoped
public class CompanyService {
    private final Vertx vertx;
    private final CompanyRepository companies;
    private final QuarterValueRepository quarterValues;
    private final FiledFactRepository filedFacts;
    private final Definitions definitions;

    public CompanyService(Vertx vertx, CompanyRepository companies, QuarterValueRepository quarterValues,
                          FiledFactRepository filedFacts, Definitions definitions) {
        this.definitions = definitions;
        this.vertx = vertx;
        this.companies = companies;
        this.quarterValues = quarterValues;
        this.filedFacts = filedFacts;
    }

    @WithSession
    public Uni<List<CompanyView>> list() {
        return companies.listByTicker().map(list -> list.stream().map(CompanyService::view).toList());
    }

    /**
     * @param asOf null for the current quarters; else the quarters derived from the facts filed by that day
     * @return null when no company has the ticker
     */
    @WithSession
    public Uni<List<FiscalQuarterFundamentals>> fundamentals(String ticker, LocalDate asOf) {
        return companies.findByTicker(ticker).chain(company -> {
            if (company == null) {
                return Uni.createFrom().nullItem();
            }
            if (asOf == null) {
                return quarterValues.listForCompany(company.cik).map(rows -> QuarterValues.toQuarters(rows, company.companyMeasures));
            }
            return filedFacts.listFiledBy(company.cik, asOf).chain(rows -> vertx.executeBlocking(Uni.createFrom().item(() -> {
                List<XbrlFact> facts = rows.stream().map(FiledFactEntity::toFact).toList();
                List<DerivedValue> values = Normalizer.normalize(facts);
                MeasuresByQuarter measures = definitions.forTicker(company.ticker).map(d -> MeasuresByQuarter.of(
                        CompanyMeasures.compute(d, facts, values.stream().map(DerivedValue::quarter).toList()))).orElse(null);
                return QuarterValues.toQuarters(values.stream().map(value -> QuarterValues.newEntity(company.cik, value)).toList(),
                        measures);
            })));
        });
    }

    private static CompanyView view(CompanyEntity c) {
        return new CompanyView(c.ticker, c.cik, c.entityName, c.revision, c.publishedRevision, c.lastImportAt,
                c.lastPollAt, c.pollStatus, c.pollDetail,
                c.lastFilingAccession == null ? null
                        : new CompanyView.FilingView(c.lastFilingAccession, c.lastFilingForm, c.lastFilingDate),
                c.resultsReleaseAccession == null ? null
                        : new CompanyView.FilingView(c.resultsReleaseAccession, "8-K", c.resultsReleaseDate));
    }
}
