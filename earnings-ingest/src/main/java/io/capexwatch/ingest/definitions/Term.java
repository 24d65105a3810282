package io.capexwatch.ingest.definitions;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One line of a company's reconciliation: added or subtracted, the company's own label, and the concepts
 * (qualified with their prefix, e.g. "us-gaap:PaymentsToAcquireProductiveAssets") that may carry it, in order
 * of preference. Every term is required: without a fact for it the measure is unavailable, never computed
 * without it.
 *
 * @param sign    +1 or -1
 * @param members the dimensions the fact must carry, axis → member (both qualified); empty for a fact
 *                without dimensions, as the cash-flow statement's are
 */
public record Term(int sign, String label, List<String> concepts, SortedMap<String, String> members) {
    public Term {
        concepts = List.copyOf(concepts);
        members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
    }

    public Term(int sign, String label, List<String> concepts) {
        this(sign, label, concepts, new TreeMap<>());
    }
}
