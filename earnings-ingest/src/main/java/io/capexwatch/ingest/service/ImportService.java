package io.capexwatch.ingest.service;

import io.capexwatch.contracts.problem.Problem;
import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.ingest.definitions.CompanyMeasures;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.XbrlFact;
import io.capexwatch.ingest.quarters.DerivedValue;
import io.capexwatch.ingest.quarters.Normalizer;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.capexwatch.ingest.repository.FactDisagreement;
import io.capexwatch.ingest.repository.FactDisagreementRepository;
import io.capexwatch.ingest.repository.FiledFactEntity;
import io.capexwatch.ingest.repository.FiledFactRepository;
import io.capexwatch.ingest.repository.MeasuresByQuarter;
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
import java.util.List;
import java.util.Map;

/**
 * Stores a companyfacts document, or a filing's own XBRL in the same shape, in one transaction, all of it
 * or nothing: its facts not seen before are
 * added to the company's as-filed facts, and the current quarters are derived again from all of them, so
 * an older document imported late never undoes a newer one. Storing the same document twice changes
 * nothing; any change to the quarters bumps the company's revision so it gets published. Imports of one
 * company run one after the other (a row lock on the company). A fact already stored with another value
 * (companyfacts against the filing's own XBRL, or one source whose document for the same filing changed) is
 * flagged (fact_disagreement and the import's warnings), never resolved: the value stored first stays.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final Vertx vertx;
    private final CompanyRepository companies;
    private final FiledFactRepository filedFacts;
    private final QuarterValueRepository quarterValues;
    private final FactDisagreementRepository disagreementRecords;
    private final Definitions definitions;

    public ImportService(Vertx vertx, CompanyRepository companies, FiledFactRepository filedFacts,
                         QuarterValueRepository quarterValues, FactDisagreementRepository disagreementRecords,
                         Definitions definitions) {
        this.vertx = vertx;
        this.companies = companies;
        this.filedFacts = filedFacts;
        this.quarterValues = quarterValues;
        this.disagreementRecords = disagreementRecords;
        this.definitions = definitions;
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
                    Map<String, FiledFactEntity> known = new HashMap<>();
                    stored.forEach(row -> {
                        XbrlFact fact = row.toFact();
                        all.add(fact);
                        known.put(FiledFactEntity.key(fact), row);
                    });
                    List<FiledFactEntity> added = new ArrayList<>();
                    List<FactDisagreement> disagreements = new ArrayList<>();
                    facts.factsByConcept().values().stream().flatMap(List::stream).forEach(fact -> {
                        String key = FiledFactEntity.key(fact);
                        FiledFactEntity row = known.get(key);
                        if (row == null) {
                            FiledFactEntity entity = FiledFactEntity.of(company.cik, fact, facts.source());
                            known.put(key, entity);
                            all.add(fact);
                            added.add(entity);
                        } else if (row.value.compareTo(fact.value()) != 0) {
                            // The same fact of the same filing with two values (two sources, or one source that
                            // changed its answer): flagged, the stored one kept.
                            disagreements.add(new FactDisagreement(company.cik, row, fact, facts.source()));
                        }
                    });
                    return persistAll(added)
                            .chain(() -> disagreementRecords.recordAll(disagreements))
                            // Deriving quarters is CPU work: a worker does it, the transaction resumes after.
                            .chain(() -> vertx.executeBlocking(Uni.createFrom().item(() -> derive(company.ticker, all))))
                            .chain(derived -> quarterValues.listForCompany(company.cik)
                                    .chain(existing -> apply(company, facts, added.size(), derived, existing, disagreements)));
                }));
    }

    /** The quarters and the company's own measures, from all its facts. */
    private record Derived(List<DerivedValue> values, MeasuresByQuarter measures) {
    }

    private Derived derive(String ticker, List<XbrlFact> all) {
        List<DerivedValue> values = Normalizer.normalize(all);
        MeasuresByQuarter measures = definitions.forTicker(ticker)
                .map(d -> MeasuresByQuarter.of(CompanyMeasures.compute(d, all, values.stream().map(DerivedValue::quarter).toList())))
                .orElse(null);
        return new Derived(values, measures);
    }

    private Uni<ImportResult> apply(CompanyEntity company, CompanyFacts facts, int factsAdded, Derived derivation,
                                    List<QuarterValueEntity> existing, List<FactDisagreement> disagreements) {
        List<DerivedValue> derived = derivation.values();
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
        boolean measuresChanged = !java.util.Objects.equals(company.companyMeasures, derivation.measures());
        if (measuresChanged) {
            company.companyMeasures = derivation.measures();
        }
        if (changed > 0 || measuresChanged) {
            company.revision++;
            company.entityName = facts.entityName();
            touched.forEach(row -> row.changedInRevision = company.revision);
        }
        company.lastImportAt = Instant.now();
        List<QuarterValueEntity> rows = new ArrayList<>(existing);
        rows.addAll(added);
        ImportResult result = new ImportResult(company.cik, company.ticker, facts.entityName(), factsAdded,
                (int) derived.stream().map(v -> v.quarter().end()).distinct().count(), changed, company.revision,
                warnings(facts, derived, disagreements), measuresChanged,
                company.unpublished() ? PublicationService.snapshot(company, rows) : null);
        LOG.infof("import %s (CIK %d): %d new facts, %d quarters, %d values changed%s, revision %d",
                company.ticker, company.cik, factsAdded, result.quartersDerived(), changed,
                measuresChanged ? ", company-defined measures changed" : "", company.revision);
        return persistAll(added).replaceWith(result);
    }

    private Uni<Void> persistAll(List<?> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : quarterValues.getSession()
                .chain(session -> session.persistAll(entities.toArray()));
    }

    private static List<String> warnings(CompanyFacts facts, List<DerivedValue> derived,
                                         List<FactDisagreement> disagreements) {
        List<String> warnings = new ArrayList<>(facts.warnings());
        disagreements.forEach(d -> warnings.add(d.describe()));
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
