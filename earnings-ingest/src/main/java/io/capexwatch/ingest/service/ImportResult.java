package io.capexwatch.ingest.service;

import java.util.List;

/**
 * What an import did.
 *
 * @param quartersDerived  fiscal quarters with at least one metric in the document
 * @param valuesChanged    metric values added or changed (0 when the document brought nothing new)
 * @param revision         the company's revision after the import
 * @param warnings         data-quality findings kept with the data, e.g. negative derived values
 */
public record ImportResult(long cik, String ticker, String entityName, int quartersDerived, int valuesChanged,
                           long revision, List<String> warnings) {
}
