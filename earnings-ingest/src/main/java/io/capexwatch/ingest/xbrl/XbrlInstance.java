package io.capexwatch.ingest.xbrl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one XBRL instance or inline XBRL document reported: its contexts, units and facts.
 *
 * @param form whether it came as an XBRL 2.1 instance or as inline XBRL
 */
public record XbrlInstance(Form form, Map<String, XbrlContext> contexts, Map<String, XbrlUnit> units,
                           List<InstanceFact> facts) {

    public enum Form { INSTANCE, INLINE }

    public XbrlInstance {
        contexts = Map.copyOf(contexts);
        units = Map.copyOf(units);
        facts = List.copyOf(facts);
    }

    public List<InstanceFact> numericFacts() {
        return facts.stream().filter(InstanceFact::isNumeric).toList();
    }

    /** @param concept a stable qualified name, e.g. "us-gaap:NetCashProvidedByUsedInOperatingActivities" */
    public List<InstanceFact> facts(String concept) {
        return facts.stream().filter(f -> f.concept().qualified().equals(concept)).toList();
    }

    /** The text of a document-and-entity-information fact without dimensions, e.g. dei("DocumentType") = "10-K". */
    public Optional<String> dei(String localName) {
        return facts.stream()
                .filter(f -> !f.isNumeric() && !f.nil() && "dei".equals(f.concept().prefix())
                        && f.concept().localName().equals(localName) && !f.context().hasDimensions())
                .map(f -> f.text().trim())
                .findFirst();
    }

    /** The CIK the contexts name (EDGAR's entity identifier scheme), if any. */
    public Optional<Long> cik() {
        return contexts.values().stream()
                .filter(c -> XbrlNamespaces.SEC_CIK_SCHEME.equals(c.entityScheme()))
                .map(c -> c.entityIdentifier().trim())
                .filter(id -> id.matches("\\d{1,10}"))
                .map(Long::parseLong)
                .findFirst();
    }
}
