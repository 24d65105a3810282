package io.capexwatch.ingest.definitions;

import io.capexwatch.ingest.edgar.XbrlFact;
import io.capexwatch.ingest.xbrl.InstanceFact;
import io.capexwatch.ingest.xbrl.XbrlInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * As-filed facts looked up by concept (with its prefix), dimensions and period: {@link XbrlFact}s as the
 * store keeps them (companyfacts and a filing's own XBRL, dimension-tagged ones with their dimensions,
 * {@link io.capexwatch.ingest.xbrl.AsFiledFacts}), or dimension-tagged facts of parsed
 * {@link XbrlInstance}s added with {@link #withTaggedFacts}. Where several filings report the same thing (an
 * amendment, a later comparative column) the latest filed wins, as in the quarter derivation.
 */
public final class FactSource {
    private static final String US_GAAP = "us-gaap:";
    private final Map<String, List<XbrlFact>> facts;
    private final List<Tagged> tagged;

    /** The value of a fact and the filing it came from. */
    public record Found(BigDecimal value, String accession, String form, LocalDate filed) {
    }

    /** A dimension-tagged fact of one filing. */
    private record Tagged(InstanceFact fact, String accession, String form, LocalDate filed) {
    }

    private FactSource(Map<String, List<XbrlFact>> facts, List<Tagged> tagged) {
        this.facts = facts;
        this.tagged = List.copyOf(tagged);
    }

    public static FactSource of(Collection<XbrlFact> facts) {
        return new FactSource(facts.stream().collect(java.util.stream.Collectors.groupingBy(XbrlFact::concept)), List.of());
    }

    /** This source plus the dimension-tagged USD facts of one filing's instance. */
    public FactSource withTaggedFacts(XbrlInstance instance, String accession, String form, LocalDate filed) {
        List<Tagged> more = new ArrayList<>(tagged);
        for (InstanceFact fact : instance.facts()) {
            if (fact.isNumeric() && !fact.nil() && fact.unit().isUsd() && fact.context().hasDimensions()
                    && !fact.period().forever()) {
                more.add(new Tagged(fact, accession, form, filed));
            }
        }
        return new FactSource(facts, more);
    }

    /**
     * @param concept e.g. "us-gaap:NetCashProvidedByUsedInOperatingActivities" or "amzn:ProceedsFrom..."
     * @param members axis → member the fact must carry exactly; empty for a fact without dimensions
     * @param start   null for an instant
     */
    public Optional<Found> find(String concept, Map<String, String> members, LocalDate start, LocalDate end) {
        String name = concept.startsWith(US_GAAP) ? concept.substring(US_GAAP.length()) : concept;
        String dimensions = dimensionKey(members);
        Optional<Found> stored = facts.getOrDefault(name, List.of()).stream()
                .filter(f -> "USD".equals(f.unit()) && f.dimensions().equals(dimensions))
                .filter(f -> Objects.equals(f.start(), start) && f.end().equals(end))
                .max(Comparator.comparing(XbrlFact::filed).thenComparing(XbrlFact::accession))
                .map(f -> new Found(f.value(), f.accession(), f.form(), f.filed()));
        if (members.isEmpty() || stored.isPresent()) {
            return stored;
        }
        return tagged.stream()
                .filter(t -> t.fact().concept().qualified().equals(concept))
                .filter(t -> t.fact().context().explicitMembers().equals(members) && t.fact().context().typedMembers().isEmpty())
                .filter(t -> Objects.equals(t.fact().period().start(), start) && end.equals(t.fact().period().end()))
                .max(Comparator.comparing(Tagged::filed).thenComparing(Tagged::accession))
                .map(t -> new Found(t.fact().value(), t.accession(), t.form(), t.filed()));
    }

    /** The store's key for explicit members, as {@link io.capexwatch.ingest.xbrl.XbrlContext#dimensionKey} writes it. */
    static String dimensionKey(Map<String, String> members) {
        return new java.util.TreeMap<>(members).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(";"));
    }

    public Optional<Found> find(String concept, LocalDate start, LocalDate end) {
        return find(concept, Map.of(), start, end);
    }
}
