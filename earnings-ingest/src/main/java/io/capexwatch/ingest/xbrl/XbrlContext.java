package io.capexwatch.ingest.xbrl;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A context: who (the entity identifier, for EDGAR the CIK), when (the period) and which slice
 * (dimensions). Explicit members are "axis → member" by stable qualified names; typed members keep their
 * value's text.
 */
public record XbrlContext(String id, String entityScheme, String entityIdentifier, XbrlPeriod period,
                          SortedMap<String, String> explicitMembers, SortedMap<String, String> typedMembers) {

    public XbrlContext {
        explicitMembers = Collections.unmodifiableSortedMap(new TreeMap<>(explicitMembers));
        typedMembers = Collections.unmodifiableSortedMap(new TreeMap<>(typedMembers));
    }

    public boolean hasDimensions() {
        return !explicitMembers.isEmpty() || !typedMembers.isEmpty();
    }

    /** "us-gaap:StatementClassOfStockAxis=us-gaap:CommonStockMember;..." (empty without dimensions): a stable key. */
    public String dimensionKey() {
        StringBuilder key = new StringBuilder();
        explicitMembers.forEach((axis, member) -> key.append(key.isEmpty() ? "" : ";").append(axis).append('=').append(member));
        typedMembers.forEach((axis, value) -> key.append(key.isEmpty() ? "" : ";").append(axis).append("=typed:").append(value));
        return key.toString();
    }
}
