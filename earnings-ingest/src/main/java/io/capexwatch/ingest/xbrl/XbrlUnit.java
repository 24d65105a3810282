package io.capexwatch.ingest.xbrl;

import java.util.List;

/**
 * A unit: its measures' local names when they are the standard ones (iso4217:USD is "USD", xbrli:shares is
 * "shares", as companyfacts names them), else "prefix:local" (e.g. "aapl:Vendor").
 */
public record XbrlUnit(String id, List<String> numerator, List<String> denominator) {

    public XbrlUnit {
        numerator = List.copyOf(numerator);
        denominator = List.copyOf(denominator);
    }

    /** "USD", "shares", "USD/shares", "pure" */
    public String name() {
        String top = String.join("*", numerator);
        return denominator.isEmpty() ? top : top + "/" + String.join("*", denominator);
    }

    public boolean isUsd() {
        return denominator.isEmpty() && numerator.equals(List.of("USD"));
    }
}
