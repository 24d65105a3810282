package io.capexwatch.contracts.messages;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * Where a figure comes from.
 *
 * @param concept     the us-gaap concept, e.g. NetCashProvidedByUsedInOperatingActivities
 * @param filing      the filing of the fact the figure was read from (for a derived figure: the longer period)
 * @param derivation  {@code reported} for a fact read as is, else how it was computed, e.g. {@code 9M-6M}
 * @param derivedFrom the facts a derived figure was computed from, longer period first; empty when reported
 * @param flags       data-quality flags, e.g. NEGATIVE_DERIVED_VALUE
 */
@RegisterForReflection
public record Provenance(String concept, Filing filing, String derivation, List<SourceFact> derivedFrom,
                         List<String> flags) {
    public static final String REPORTED = "reported";

    public boolean reported() {
        return REPORTED.equals(derivation);
    }
}
