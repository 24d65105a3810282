package io.capexwatch.verdict.rules;

import java.util.List;

/**
 * What the rules on the company-defined basis say about a measure whose definition's concept names could not
 * be checked against the company's filing (its note starts "Unverified", see earnings-ingest's definitions
 * README): the figure is still used, and the explanation says which one to check.
 */
final class DefinitionNotes {
    private static final String UNVERIFIED = "on concept names not verified against the company's filing"
            + " (see the definition's note).";

    private DefinitionNotes() {
    }

    /** e.g. "leases not yet commenced rests on concept names not verified against the company's filing (...)." */
    static String restOnUnverified(List<String> names) {
        String which = names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        return which + (names.size() == 1 ? " rests " : " rest ") + UNVERIFIED;
    }

    /** For the one company measure a rule used: " That measure rests on concept names not verified ..." */
    static String measureRestsOnUnverified(boolean unverified) {
        return unverified ? " That measure rests " + UNVERIFIED : "";
    }
}
