package io.capexwatch.ingest.edgar;

import java.util.List;
import java.util.Map;

/**
 * The part of a companyfacts document capex-watch uses.
 *
 * @param factsByConcept us-gaap facts in USD of the concepts asked for, by concept name
 * @param warnings       things kept but worth a look, e.g. a wanted concept reported in a unit other than USD
 */
public record CompanyFacts(long cik, String entityName, Map<String, List<XbrlFact>> factsByConcept,
                           List<String> warnings) {
}
