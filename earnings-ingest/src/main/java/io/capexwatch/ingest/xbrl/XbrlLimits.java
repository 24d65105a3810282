package io.capexwatch.ingest.xbrl;

/**
 * What one document may hold before the parser gives up on it: memory stays bounded whatever arrives. The
 * defaults are far above real filings (Amazon's 10-K instance: 2.5 MB, about 2,300 facts and 700 contexts,
 * depth under 10; Apple's inline 10-Q: depth under 40).
 *
 * @param maxDepth       element nesting
 * @param maxTextLength  characters in one fact's value (or one context or unit part)
 * @param maxTotalText   characters of all non-numeric facts together
 */
public record XbrlLimits(int maxDepth, int maxTextLength, long maxTotalText, int maxContexts, int maxUnits,
                         int maxFacts) {

    public static XbrlLimits defaults() {
        return new XbrlLimits(200, 2_000_000, 40_000_000L, 100_000, 10_000, 500_000);
    }
}
