package io.capexwatch.ingest.service;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.quarters.DerivedValue;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.QuarterValueEntity;
import io.capexwatch.ingest.repository.QuarterValueRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the quarters a companyfacts document yields, in one transaction: all of it or nothing. Storing the
 * same document twice changes nothing; any change bumps the company's revision so it gets published.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final CompanyRepository companies;
    private final QuarterValueRepository quarterValues;

    public ImportService(CompanyRepository companies, QuarterValueRepository quarterValues) {
        this.companies = companies;
        this.quarterValues = quarterValues;
    }

    /** @param derived the document's quarters, from {@link io.capexwatch.ingest.quarters.Normalizer} */
    @WithTransaction
    public Uni<ImportResult> store(CompanyFacts facts, List<DerivedValue> derived) {
        return companies.findById(facts.cik())
                .onItem().ifNull().failWith(() -> new ProblemException(422, "unknown-company", "Unknown company",
                        "CIK " + facts.cik() + " (" + facts.entityName() + ") is not on the watchlist"))
                .chain(company -> quarterValues.listForCompany(company.cik)
                        .chain(existing -> apply(company, facts, derived, existing)));
    }

    private Uni<ImportResult> apply(CompanyEntity company, CompanyFacts facts, List<DerivedValue> derived,
                                    List<QuarterValueEntity> existing) {
        Map<String, QuarterValueEntity> stored = new HashMap<>();
        existing.forEach(row -> stored.put(key(row.metric.name(), row.periodEnd), row));
        List<QuarterValueEntity> added = new ArrayList<>();
        int changed = 0;
        for (DerivedValue value : derived) {
            QuarterValueEntity row = stored.get(key(value.metric().name(), value.quarter().end()));
            if (row == null) {
                added.add(QuarterValues.newEntity(company.cik, value));
                changed++;
            } else if (QuarterValues.copy(value, row)) {
                changed++;
            }
        }
        if (changed > 0) {
            company.revision++;
            company.entityName = facts.entityName();
            company.lastImportAt = Instant.now();
        }
        ImportResult result = new ImportResult(company.cik, company.ticker, facts.entityName(),
                (int) derived.stream().map(v -> v.quarter().end()).distinct().count(), changed, company.revision,
                warnings(facts, derived));
        LOG.infof("import %s (CIK %d): %d quarters, %d values changed, revision %d",
                company.ticker, company.cik, result.quartersDerived(), changed, company.revision);
        return added.isEmpty() ? Uni.createFrom().item(result) : quarterValues.persist(added).replaceWith(result);
    }

    private static List<String> warnings(CompanyFacts facts, List<DerivedValue> derived) {
        List<String> warnings = new ArrayList<>(facts.warnings());
        derived.stream()
                .filter(value -> !value.flags().isEmpty())
                .forEach(value -> warnings.add(String.join(",", value.flags()) + " " + value.metric()
                        + " FY" + value.quarter().fiscalYear() + " Q" + value.quarter().quarter()
                        + " (" + value.quarter().end() + ") = " + value.value()));
        return warnings;
    }

    private static String key(String metric, LocalDate periodEnd) {
        return metric + "@" + periodEnd;
    }
}
