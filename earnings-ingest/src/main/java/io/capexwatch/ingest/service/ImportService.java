package io.capexwatch.ingest.service;

import io.capexwatch.contracts.problem.Problem;
import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.XbrlFact;
import io.capexwatch.ingest.quarters.DerivedValue;
import io.capexwatch.ingest.quarters.Normalizer;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.FiledFactEntity;
import io.capexwatch.ingest.repository.FiledFactRepository;
import io.capexwatch.ingest.repository.QuarterValueEntity;
import io.capexwatch.ingest.repository.QuarterValueRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores a companyfacts document in one transaction, all of it or nothing: its facts not seen before are
 * added to the company's as-filed facts, and the current quarters are derived again from all of them, so
 * an older document imported late never undoes a newer one. Storing the same document twice changes
 * nothing; any change to the quarters bumps the company's revision so it gets published. Imports of one
 * company run one after the other (a row lock on the company).
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final Vertx vertx;
    private final CompanyRepository companies;
    private final FiledFactRepository filedFacts;
    private final QuarterValueRepository quarterValues;

    public ImportService(Vertx vertx, CompanyRepository companies, FiledFactRepository filedFacts,
                         QuarterValueRepository quarterValues) {
        this.vertx = vertx;
        this.companies = companies;
        this.filedFacts = filedFacts;
        this.quarterValues = quarterValues;
    }

    @WithTransaction
    public Uni<ImportResult> store(CompanyFacts facts) {
        if (facts.factsByConcept().isEmpty() && facts.warnings().stream().anyMatch(w -> w.startsWith("NON_USD_UNIT"))) {
            return Uni.createFrom().failure(new ProblemException(Problem.of(422, "non-usd-units", "Not in USD",
                    "the document reports the tracked concepts only in other currencies; capex-watch compares USD figures")
                    .withErrors(facts.warnings())));
        }
        // The row lock comes before reading the stored facts and quarters: concurrent imports of one company
        // queue here, each derives from everything committed before it and gets its own revision.
        return companies.findForUpdate(facts.cik())
                .map(company -> company == null || !company.watched ? null : company)
                .onItem().ifNull().failWith(() -> new ProblemException(422, "unknown-company", "Unknown company",
                        "CIK " + facts.cik() + " (" + facts.entityName() + ") is not on the watchlist"))
                .chain(company -> filedFacts.listForCompany(company.cik).chain(stored -> {
                    List<XbrlFact> all = new ArrayList<>(stored.size());
                    Set<String> known = new HashSet<>();
                    stored.forEach(row -> {
                        all.add(row.toFact());
                        known.add(FiledFactEntity.key(row.toFact()));
                    });
                    List<FiledFactEntity> added = new ArrayList<>();
                    facts.factsByConcept().values().stream().flatMap(List::stream)
                            .filter(fact -> known.add(FiledFactEntity.key(fact)))
                            .forEach(fact -> {
                                all.add(fact);
                                added.add(FiledFactEntity.of(company.cik, fact));
                            });
                    return persistAll(added)
                            // Deriving quarters is CPU work: a worker does it, the transaction resumes after.
                            .chain(() -> vertx.executeBlocking(Uni.createFrom().item(() -> Normalizer.normalize(all))))
                            .chain(derived -> quarterValues.listForCompany(company.cik)
                                    .chain(existing -> apply(company, facts, added.size(), derived, existing)));
                }));
    }

    private Uni<ImportResult> apply(CompanyEntity company, CompanyFacts facts, int factsAdded, List<DerivedValue> derived,
                                    List<QuarterValueEntity> existing) {
        Map<String, QuarterValueEntity> stored = new HashMap<>();
        existing.forEach(row -> stored.put(key(row.metric.name(), row.periodEnd), row));
        List<QuarterValueEntity> added = new ArrayList<>();
        List<QuarterValueEntity> touched = new ArrayList<>();
        for (DerivedValue value : derived) {
            QuarterValueEntity row = stored.get(key(value.metric().name(), value.quarter().end()));
            if (row == null) {
                row = QuarterValues.newEntity(company.cik, value);
                added.add(row);
                touched.add(row);
            } else if (QuarterValues.copy(value, row)) {
                touched.add(row);
            }
        }
        int changed = touched.size();
        if (changed > 0) {
            company.revision++;
            company.entityName = facts.entityName();
            touched.forEach(row -> row.changedInRevision = company.revision);
        }
        company.lastImportAt = Instant.now();
        ImportResult result = new ImportResult(company.cik, company.ticker, facts.entityName(), factsAdded,
                (int) derived.stream().map(v -> v.quarter().end()).distinct().count(), changed, company.revision,
                warnings(facts, derived));
        LOG.infof("import %s (CIK %d): %d new facts, %d quarters, %d values changed, revision %d",
                company.ticker, company.cik, factsAdded, result.quartersDerived(), changed, company.revision);
        return persistAll(added).replaceWith(result);
    }

    private Uni<Void> persistAll(List<?> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : quarterValues.getSession()
                .chain(session -> session.persistAll(entities.toArray()));
    }

    private static List<String> warnings(CompanyFacts facts, List<DerivedValue> derived) {
        List<String> warnings = new ArrayList<>(facts.warnings());
        derived.stream()
                .filter(value -> value.flags().stream().anyMatch(flag -> !flag.equals(DerivedValue.STALE_CONCEPT)))
                .forEach(value -> warnings.add(String.join(",", value.flags()) + " " + value.metric()
                        + " FY" + value.quarter().fiscalYear() + " Q" + value.quarter().quarter()
                        + " (" + value.quarter().end() + ") = " + value.value()));
        return warnings;
    }

    private static String key(String metric, LocalDate periodEnd) {
        return metric + "@" + periodEnd;
    }
}
