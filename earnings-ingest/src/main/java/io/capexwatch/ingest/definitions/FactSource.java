package io.capexwatch.ingest.definitions;

import io.capexwatch.ingest.edgar.XbrlFact;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * As-filed facts looked up by concept (with its prefix) and period. Built from {@link XbrlFact}s, so the
 * same lookup serves facts from companyfacts and facts from a filing's own XBRL
 * ({@link io.capexwatch.ingest.xbrl.AsFiledFacts}); where several filings report the period (an
 * amendment, a later comparative column) the latest filed wins, as in the quarter derivation.
 */
public final class FactSource {
    private static final String US_GAAP = "us-gaap:";
    private final List<XbrlFact> facts;

    private FactSource(Collection<XbrlFact> facts) {
        this.facts = List.copyOf(facts);
    }

    public static FactSource of(Collection<XbrlFact> facts) {
        return new FactSource(facts);
    }

    /**
     * @param concept e.g. "us-gaap:NetCashProvidedByUsedInOperatingActivities" or "amzn:ProceedsFrom..."
     * @param start   null for an instant
     */
    public Optional<XbrlFact> find(String concept, LocalDate start, LocalDate end) {
        String name = concept.startsWith(US_GAAP) ? concept.substring(US_GAAP.length()) : concept;
        return facts.stream()
                .filter(f -> f.concept().equals(name) && "USD".equals(f.unit()))
                .filter(f -> Objects.equals(f.start(), start) && f.end().equals(end))
                .max(Comparator.comparing(XbrlFact::filed).thenComparing(XbrlFact::accession));
    }
}
