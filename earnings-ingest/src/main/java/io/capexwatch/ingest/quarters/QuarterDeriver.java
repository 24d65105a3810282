package io.capexwatch.ingest.quarters;

import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.contracts.messages.Provenance;
import io.capexwatch.ingest.edgar.XbrlFact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns as-filed facts into exact discrete quarters (and quarter-end balances). Cash-flow statements in 10-Qs are year to date, so
 * Q2 = 6M − 3M, Q3 = 9M − 6M and Q4 = FY − 9M, always between facts that start on the same fiscal-year
 * start and come from the same concept. A fact that covers exactly the quarter is used as reported.
 *
 * <p>Where several filings report the same period (comparatives, amendments), the latest filed wins.
 * Among a metric's candidate concepts, each quarter uses the one the company has used most recently
 * that has data for it, so a migrated tag never shadows the new one; a value that can only come from a
 * concept the company has since replaced is kept and flagged {@code STALE_CONCEPT}.
 */
public final class QuarterDeriver {
    private static final String[] YTD_LABELS = {"3M", "6M", "9M", "FY"};

    private QuarterDeriver() {
    }

    public static List<DerivedValue> derive(FundamentalMetric metric, Map<String, List<XbrlFact>> factsByConcept,
                                            FiscalCalendar calendar) {
        List<ConceptFacts> concepts = rankedConcepts(metric, factsByConcept);
        if (concepts.isEmpty()) {
            return List.of();
        }
        ConceptFacts preferred = concepts.getFirst();
        List<DerivedValue> values = new ArrayList<>();
        for (FiscalQuarter quarter : calendar.quarters()) {
            for (ConceptFacts concept : concepts) {
                Optional<DerivedValue> value = concept.valueFor(metric, quarter);
                if (value.isPresent()) {
                    values.add(concept != preferred ? withFlag(value.get(), DerivedValue.STALE_CONCEPT) : value.get());
                    break;
                }
            }
        }
        return values;
    }

    private static List<ConceptFacts> rankedConcepts(FundamentalMetric metric, Map<String, List<XbrlFact>> factsByConcept) {
        List<String> candidates = MetricConcepts.candidates(metric);
        List<ConceptFacts> concepts = new ArrayList<>();
        for (String concept : candidates) {
            List<XbrlFact> facts = factsByConcept.getOrDefault(concept, List.of()).stream()
                    .filter(fact -> fact.isDuration() != metric.isBalance())
                    .filter(XbrlFact::fromPeriodicReport)
                    .toList();
            if (!facts.isEmpty()) {
                concepts.add(new ConceptFacts(concept, facts));
            }
        }
        concepts.sort(Comparator.comparing((ConceptFacts c) -> c.lastFiled).reversed()
                .thenComparing(c -> candidates.indexOf(c.concept)));
        return concepts;
    }

    private static DerivedValue withFlag(DerivedValue value, String flag) {
        List<String> flags = new ArrayList<>(value.flags());
        flags.add(flag);
        return new DerivedValue(value.metric(), value.quarter(), value.value(), value.source(), value.derivation(),
                value.derivedFrom(), List.copyOf(flags));
    }

    /** One concept's facts, the latest filed per period. */
    private static final class ConceptFacts {
        private final String concept;
        private final Map<Period, XbrlFact> latestByPeriod = new HashMap<>();
        private final LocalDate lastFiled;

        ConceptFacts(String concept, List<XbrlFact> facts) {
            this.concept = concept;
            Comparator<XbrlFact> byFiling = Comparator.comparing(XbrlFact::filed).thenComparing(XbrlFact::accession);
            for (XbrlFact fact : facts) {
                latestByPeriod.merge(new Period(fact.start(), fact.end()), fact,
                        (a, b) -> byFiling.compare(a, b) >= 0 ? a : b);
            }
            this.lastFiled = facts.stream().map(XbrlFact::filed).max(Comparator.naturalOrder()).orElseThrow();
        }

        Optional<DerivedValue> valueFor(FundamentalMetric metric, FiscalQuarter quarter) {
            // A balance is read at the quarter's end (an instant fact has no start).
            XbrlFact direct = latestByPeriod.get(new Period(metric.isBalance() ? null : quarter.start(), quarter.end()));
            if (direct != null) {
                return Optional.of(value(metric, quarter, direct.value(), direct, Provenance.REPORTED, List.of()));
            }
            if (metric.isBalance() || quarter.previousEnd() == null) {
                return Optional.empty();
            }
            XbrlFact toDate = latestByPeriod.get(new Period(quarter.fiscalYearStart(), quarter.end()));
            XbrlFact before = latestByPeriod.get(new Period(quarter.fiscalYearStart(), quarter.previousEnd()));
            if (toDate == null || before == null) {
                return Optional.empty();
            }
            String derivation = YTD_LABELS[quarter.quarter() - 1] + "-" + YTD_LABELS[quarter.quarter() - 2];
            return Optional.of(value(metric, quarter, toDate.value().subtract(before.value()), toDate, derivation,
                    List.of(toDate, before)));
        }

        private static DerivedValue value(FundamentalMetric metric, FiscalQuarter quarter, BigDecimal amount,
                                          XbrlFact source, String derivation, List<XbrlFact> from) {
            List<String> flags = new ArrayList<>();
            BigDecimal whole = amount.setScale(0, RoundingMode.HALF_EVEN);
            if (whole.compareTo(amount) != 0) {
                flags.add(DerivedValue.FRACTIONAL_USD_ROUNDED);
            }
            if (whole.signum() < 0 && MetricConcepts.neverNegative(metric)) {
                flags.add(DerivedValue.NEGATIVE_DERIVED_VALUE);
            }
            List<XbrlFact> inputs = from.isEmpty() ? List.of(source) : from;
            if (MetricConcepts.neverNegative(metric) && inputs.stream().anyMatch(fact -> fact.value().signum() < 0)) {
                flags.add(DerivedValue.NEGATIVE_REPORTED_VALUE);
            }
            return new DerivedValue(metric, quarter, whole.longValueExact(), source, derivation, from, List.copyOf(flags));
        }
    }

    private record Period(LocalDate start, LocalDate end) {
    }
}
