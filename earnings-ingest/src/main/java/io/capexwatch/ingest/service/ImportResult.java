package io.capexwatch.ingest.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capexwatch.contracts.messages.FundamentalsSnapshot;

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
 * @param unpublished      not part of the answer: the company's snapshot as committed, when its revision is not
 *                         published yet, for the outbox ({@link PublicationService#publish}); null otherwise
 */
public record ImportResult(long cik, String ticker, String entityName, int factsAdded, int quartersDerived,
                           int valuesChanged, long revision, List<String> warnings, boolean companyMeasuresChanged,
                           @JsonIgnore FundamentalsSnapshot unpublished) {
}
