package io.capexwatch.ingest.edgar;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a companyfacts document capex-watch uses.
 *
 * @param factsByConcept us-gaap facts in USD of the concepts asked for, by concept name
 * @param warnings       things kept but worth a look, e.g. a wanted concept reported in a unit other than USD,
 *                       or a fact left out and why
 * @param accessions     the filings any fact in the document comes from, tracked concept or not: whether
 *                       companyfacts carries a filing yet
 * @param source         where the facts come from: {@link #COMPANYFACTS}, or a filing's own XBRL
 *                       ({@link #INSTANCE}, {@link #INLINE}); kept with every stored fact
 */
public record CompanyFacts(long cik, String entityName, Map<String, List<XbrlFact>> factsByConcept,
                           List<String> warnings, Set<String> accessions, String source) {
    public static final String COMPANYFACTS = "COMPANYFACTS";
    public static final String INSTANCE = "INSTANCE";
    public static final String INLINE = "INLINE";

    public CompanyFacts(long cik, String entityName, Map<String, List<XbrlFact>> factsByConcept,
                        List<String> warnings, Set<String> accessions) {
        this(cik, entityName, factsByConcept, warnings, accessions, COMPANYFACTS);
    }
}
