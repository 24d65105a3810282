package io.capexwatch.ingest.service;

import java.util.List;

/**
 * What an import did.
 *
 * @param factsAdded       as-filed facts not seen before (0 when the document was imported already)
 * @param quartersDerived  fiscal quarters with at least one metric, from all facts known for the company
 * @param valuesChanged    metric values added or changed (0 when the document brought nothing new)
 * @param revision         the company's revision after the import
 * @param warnings         data-quality findings kept with the data: non-USD units, negative derived values ...
 * @param companyMeasuresChanged whether the company's own measures (definitions file) changed
 */
public record ImportResult(long cik, String ticker, String entityName, int factsAdded, int quartersDerived,
                           int valuesChanged, long revision, List<String> warnings, boolean companyMeasuresChanged) {
}
