package io.capexwatch.ingest.definitions;

import java.util.List;

/**
 * One line of a company's reconciliation: added or subtracted, the company's own label, and the concepts
 * (qualified with their prefix, e.g. "us-gaap:PaymentsToAcquireProductiveAssets") that may carry it, in order
 * of preference. Every term is required: without a fact for it the measure is unavailable, never computed
 * without it.
 *
 * @param sign +1 or -1
 */
public record Term(int sign, String label, List<String> concepts) {
    public Term {
        concepts = List.copyOf(concepts);
    }
}
