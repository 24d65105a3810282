package io.capexwatch.ingest.xbrl;

import io.capexwatch.ingest.edgar.XbrlFact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same fact from companyfacts and from the filing's own XBRL must agree. This finds where they do not,
 * so the import can flag it; it never picks a winner.
 */
public final class SourceAgreement {
    private SourceAgreement() {
    }

    /** A fact both sources carry (same concept, unit, period and accession) with different values. */
    public record Disagreement(String concept, String unit, LocalDate start, LocalDate end, String accession,
                               BigDecimal companyFactsValue, BigDecimal instanceValue) {
        public String describe() {
            return concept + " " + (start == null ? "at " + end : start + " to " + end) + " in " + accession
                    + ": companyfacts " + companyFactsValue.toPlainString() + ", the filing's XBRL " + instanceValue.toPlainString();
        }
    }

    public static List<Disagreement> disagreements(Collection<XbrlFact> fromCompanyFacts, Collection<XbrlFact> fromInstance) {
        Map<String, XbrlFact> byKey = new HashMap<>();
        for (XbrlFact fact : fromCompanyFacts) {
            byKey.put(key(fact), fact);
        }
        List<Disagreement> found = new ArrayList<>();
        for (XbrlFact fact : fromInstance) {
            XbrlFact other = byKey.get(key(fact));
            if (other != null && other.value().compareTo(fact.value()) != 0) {
                found.add(new Disagreement(fact.concept(), fact.unit(), fact.start(), fact.end(), fact.accession(),
                        other.value(), fact.value()));
            }
        }
        return found;
    }

    /** The fields that make a fact the same fact in the as-filed store (concept, unit, period, filing). */
    private static String key(XbrlFact fact) {
        return fact.concept() + "|" + fact.unit() + "|" + fact.start() + "|" + fact.end() + "|" + fact.accession();
    }
}
