package io.capexwatch.ingest.definitions;

import java.util.List;

/**
 * A measure as one company defines it.
 *
 * @param source      where the company defines it (its earnings-release reconciliation)
 * @param approximate why the tagged facts cannot reproduce the company's figure exactly; null when they can
 * @param note        anything else worth knowing about the definition; null when nothing
 * @param partOf      for a commitment that is one part of another (a year of the leases not yet commenced),
 *                    the id of the whole; null otherwise. Parts are shown, never added to totals
 */
public record MeasureDefinition(String company, String id, MeasureKind kind, String name, String source,
                                String approximate, String note, List<Term> terms, String partOf) {
    public MeasureDefinition {
        terms = List.copyOf(terms);
    }

    public MeasureDefinition(String company, String id, MeasureKind kind, String name, String source,
                             String approximate, String note, List<Term> terms) {
        this(company, id, kind, name, source, approximate, note, terms, null);
    }

    public boolean exact() {
        return approximate == null;
    }
}
