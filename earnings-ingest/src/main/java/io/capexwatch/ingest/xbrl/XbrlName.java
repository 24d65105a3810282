package io.capexwatch.ingest.xbrl;

/**
 * A qualified name as XBRL means it: the namespace URI is the identity; {@code prefix} is capex-watch's
 * stable name for that namespace (see {@link XbrlNamespaces}), never simply whatever the filing wrote.
 */
public record XbrlName(String namespace, String prefix, String localName) {

    /** "us-gaap:PaymentsToAcquireProductiveAssets", "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives" */
    public String qualified() {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    @Override
    public String toString() {
        return qualified();
    }
}
