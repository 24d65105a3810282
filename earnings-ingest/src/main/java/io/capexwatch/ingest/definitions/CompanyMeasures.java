package io.capexwatch.ingest.definitions;

import io.capexwatch.contracts.messages.CompanyMeasure;
import io.capexwatch.contracts.messages.Filing;
import io.capexwatch.contracts.messages.MeasureInput;
import io.capexwatch.ingest.edgar.XbrlFact;
import io.capexwatch.ingest.quarters.FiscalQuarter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A company's own measures for each of its fiscal quarters, from its as-filed facts. Flows (CAPEX, FCF): the
 * discrete quarter from year-to-date facts, and the trailing twelve months from a reported twelve-month
 * column where the filings have one (Amazon's 10-Qs do), else the sum of the four quarters. Commitments:
 * the amount at the quarter's end. Exact only where every input is a tagged fact and the definition is.
 */
public final class CompanyMeasures {
    private CompanyMeasures() {
    }

    /** @return per quarter end, the measures in the definitions file's order */
    public static Map<LocalDate, List<CompanyMeasure>> compute(CompanyDefinitions definitions, Collection<XbrlFact> facts,
                                                              Collection<FiscalQuarter> quarters) {
        FactSource source = FactSource.of(facts);
        List<FiscalQuarter> sorted = new ArrayList<>(new TreeMap<>(quarters.stream()
                .collect(java.util.stream.Collectors.toMap(FiscalQuarter::end, q -> q, (a, b) -> a))).values());
        Map<LocalDate, List<CompanyMeasure>> result = new TreeMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            FiscalQuarter q = sorted.get(i);
            List<FiscalQuarter> ttm = i >= 3 && contiguous(sorted.subList(i - 3, i + 1)) ? sorted.subList(i - 3, i + 1) : null;
            List<CompanyMeasure> measures = new ArrayList<>();
            for (MeasureDefinition definition : definitions.measures()) {
                measures.add(definition.kind() == MeasureKind.COMMITMENT ? commitment(definition, source, q)
                        : flow(definition, source, q, ttm));
            }
            result.put(q.end(), measures);
        }
        return result;
    }

    private static CompanyMeasure commitment(MeasureDefinition definition, FactSource source, FiscalQuarter q) {
        MeasureValue at = MeasureEvaluator.evaluate(definition, source, null, q.end());
        return new CompanyMeasure(definition.id(), definition.kind().name(), definition.name(), definition.source(),
                at.status().name(), at.reason(), usd(at), null, null, null, at.derivation(), null, inputs(at), definition.partOf(),
                definition.note());
    }

    private static CompanyMeasure flow(MeasureDefinition definition, FactSource source, FiscalQuarter q,
                                       List<FiscalQuarter> ttmQuarters) {
        MeasureValue quarter = MeasureEvaluator.quarter(definition, source, q.fiscalYearStart(), q.previousEnd(), q.end());
        Ttm ttm = ttmQuarters == null ? new Ttm(MeasureValue.Status.UNAVAILABLE, null,
                "the four quarters to " + q.end() + " are not all known and contiguous", null, List.of())
                : ttm(definition, source, ttmQuarters);
        return new CompanyMeasure(definition.id(), definition.kind().name(), definition.name(), definition.source(),
                quarter.status().name(), quarter.reason(), usd(quarter), ttm.value(), ttm.status().name(), ttm.reason(),
                quarter.derivation(), ttm.derivation(), ttm.inputs().isEmpty() ? inputs(quarter) : ttm.inputs(),
                null, definition.note());
    }

    private record Ttm(MeasureValue.Status status, Long value, String reason, String derivation, List<MeasureInput> inputs) {
    }

    private static Ttm ttm(MeasureDefinition definition, FactSource source, List<FiscalQuarter> four) {
        LocalDate start = four.getFirst().start();
        LocalDate end = four.getLast().end();
        MeasureValue reported = MeasureEvaluator.evaluate(definition, source, start, end);
        if (reported.status() != MeasureValue.Status.UNAVAILABLE) {
            return new Ttm(reported.status(), usd(reported), reported.reason(), "twelve months as filed: " + reported.derivation(),
                    inputs(reported));
        }
        long sum = 0;
        MeasureValue.Status status = MeasureValue.Status.EXACT;
        List<String> parts = new ArrayList<>();
        List<MeasureInput> used = new ArrayList<>();
        String reason = null;
        for (FiscalQuarter q : four) {
            MeasureValue value = MeasureEvaluator.quarter(definition, source, q.fiscalYearStart(), q.previousEnd(), q.end());
            if (value.status() == MeasureValue.Status.UNAVAILABLE) {
                return new Ttm(MeasureValue.Status.UNAVAILABLE, null, "quarter to " + q.end() + ": " + value.reason(), null, List.of());
            }
            if (value.status() == MeasureValue.Status.APPROXIMATE) {
                status = MeasureValue.Status.APPROXIMATE;
                reason = value.reason();
            }
            sum = Math.addExact(sum, usd(value));
            parts.add(MeasureEvaluator.amount(BigDecimal.valueOf(usd(value))) + " (" + q.start() + " to " + q.end() + ")");
            used.addAll(inputs(value));
        }
        return new Ttm(status, sum, reason, definition.name() + " " + start + " to " + end + ", sum of four quarters: "
                + String.join(" + ", parts) + " = " + MeasureEvaluator.amount(BigDecimal.valueOf(sum)), used);
    }

    private static boolean contiguous(List<FiscalQuarter> quarters) {
        for (int i = 1; i < quarters.size(); i++) {
            if (!quarters.get(i).start().equals(quarters.get(i - 1).end().plusDays(1))) {
                return false;
            }
        }
        return true;
    }

    private static Long usd(MeasureValue value) {
        return value.value() == null ? null : value.value().setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static List<MeasureInput> inputs(MeasureValue value) {
        return value.inputs().stream().map(in -> new MeasureInput(in.label(), in.sign(), in.concept(),
                FactSource.dimensionKey(in.members()), in.start(), in.end(),
                in.value().setScale(0, RoundingMode.HALF_EVEN).longValueExact(),
                new Filing(in.accession(), in.form(), in.filed()))).toList();
    }
}
