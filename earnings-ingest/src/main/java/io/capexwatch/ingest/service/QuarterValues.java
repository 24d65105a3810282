package io.capexwatch.ingest.service;

import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.CompanyMeasure;
import io.capexwatch.contracts.messages.FiscalQuarterFundamentals;
import io.capexwatch.ingest.repository.MeasuresByQuarter;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.Provenance;
import io.capexwatch.contracts.messages.QuarterChange;
import io.capexwatch.contracts.messages.QuarterValue;
import io.capexwatch.contracts.messages.SourceFact;
import io.capexwatch.ingest.edgar.XbrlFact;
import io.capexwatch.ingest.quarters.DerivedValue;
import io.capexwatch.ingest.repository.QuarterValueEntity;
import io.capexwatch.ingest.repository.QuarterValueEntity.QuarterValueDetails;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Between derived values, their stored rows and the quarters they are published as. */
final class QuarterValues {
    private QuarterValues() {
    }

    static QuarterValueEntity newEntity(long cik, DerivedValue value) {
        QuarterValueEntity entity = new QuarterValueEntity();
        entity.cik = cik;
        entity.metric = value.metric();
        entity.periodEnd = value.quarter().end();
        copy(value, entity);
        return entity;
    }

    /** @return whether anything changed */
    static boolean copy(DerivedValue value, QuarterValueEntity entity) {
        XbrlFact source = value.source();
        List<SourceFact> from = value.derivedFrom().stream().map(QuarterValues::sourceFact).toList();
        boolean same = entity.valueUsd == value.value()
                && entity.fiscalYear == value.quarter().fiscalYear()
                && entity.fiscalQuarter == value.quarter().quarter()
                && Objects.equals(entity.periodStart, value.quarter().start())
                && Objects.equals(entity.concept, source.concept())
                && Objects.equals(entity.accession, source.accession())
                && Objects.equals(entity.form, source.form())
                && Objects.equals(entity.filed, source.filed())
                && Objects.equals(entity.derivation, value.derivation())
                && Objects.equals(entity.details, new QuarterValueDetails(from, value.flags()));
        if (same) {
            return false;
        }
        entity.valueUsd = value.value();
        entity.fiscalYear = value.quarter().fiscalYear();
        entity.fiscalQuarter = value.quarter().quarter();
        entity.periodStart = value.quarter().start();
        entity.concept = source.concept();
        entity.accession = source.accession();
        entity.form = source.form();
        entity.filed = source.filed();
        entity.derivation = value.derivation();
        entity.details = new QuarterValueDetails(from, value.flags());
        return true;
    }

    private static SourceFact sourceFact(XbrlFact fact) {
        // Whole USD as published; a fractional fact (kept exact as filed) rounds like the value derived from it.
        return new SourceFact(fact.start(), fact.end(), fact.value().setScale(0, RoundingMode.HALF_EVEN).longValueExact(),
                new Filing(fact.accession(), fact.form(), fact.filed()));
    }

    /** The values changed in a revision after {@code publishedRevision}, oldest quarter first. */
    static List<QuarterChange> changesSince(List<QuarterValueEntity> rows, long publishedRevision) {
        return rows.stream()
                .filter(row -> publishedRevision == 0 || row.changedInRevision > publishedRevision)
                .sorted(Comparator.comparing((QuarterValueEntity row) -> row.periodEnd).thenComparing(row -> row.metric))
                .map(row -> new QuarterChange(row.fiscalYear, row.fiscalQuarter, row.periodEnd, row.metric, row.valueUsd,
                        new Filing(row.accession, row.form, row.filed)))
                .toList();
    }

    /** Rows to quarters, oldest first, without company-defined measures. */
    static List<FiscalQuarterFundamentals> toQuarters(List<QuarterValueEntity> rows) {
        return toQuarters(rows, null);
    }

    /** Rows to quarters, oldest first, each with the company's own measures for it (empty list without definitions). */
    static List<FiscalQuarterFundamentals> toQuarters(List<QuarterValueEntity> rows, MeasuresByQuarter measures) {
        Map<LocalDate, List<CompanyMeasure>> measuresByEnd = measures == null ? Map.of() : measures.byEnd();
        Map<LocalDate, List<QuarterValueEntity>> byEnd = new TreeMap<>();
        rows.forEach(row -> byEnd.computeIfAbsent(row.periodEnd, end -> new ArrayList<>()).add(row));
        List<FiscalQuarterFundamentals> quarters = new ArrayList<>();
        byEnd.forEach((end, values) -> {
            QuarterValueEntity first = values.getFirst();
            Map<FundamentalMetric, QuarterValue> metrics = new EnumMap<>(FundamentalMetric.class);
            values.forEach(v -> metrics.put(v.metric, new QuarterValue(v.valueUsd, new Provenance(v.concept,
                    new Filing(v.accession, v.form, v.filed), v.derivation, v.details.derivedFrom(), v.details.flags()))));
            quarters.add(new FiscalQuarterFundamentals(first.fiscalYear, first.fiscalQuarter, first.periodStart, end, metrics,
                    measuresByEnd.getOrDefault(end, List.of())));
        });
        return quarters;
    }
}
