package io.capexwatch.ingest.xbrl;

import io.capexwatch.ingest.edgar.CompanyFacts;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One filing's own XBRL (instance or inline) read into what the import stores, wherever it comes from (the
 * import endpoint, the EDGAR poller). A document the parser rejects raises {@link InvalidXbrlException}; a
 * well-formed one that cannot be used raises {@link UnusableXbrlException}. Blocking CPU work: call it on a worker.
 */
public final class FilingXbrl {
    /** EDGAR's accession number: filer id, year, sequence. */
    public static final Pattern ACCESSION = Pattern.compile("\\d{10}-\\d{2}-\\d{6}");
    /** The periodic report forms whose figures capex-watch reads. */
    public static final Pattern FORM = Pattern.compile("10-[KQ](/A)?|10-KT(/A)?|10-QT(/A)?");

    /** The filing the document belongs to; {@code form} null to take it from dei:DocumentType. */
    public record Filing(String accession, String form, LocalDate filed) {
        public Filing {
            Objects.requireNonNull(accession, "accession");
            Objects.requireNonNull(filed, "filed");
        }
    }

    private FilingXbrl() {
    }

    public static CompanyFacts read(XbrlParser parser, byte[] document, Filing filing) {
        XbrlInstance instance = parser.parse(new ByteArrayInputStream(document));
        try {
            CompanyFacts facts = AsFiledFacts.forStore(instance, filing.accession(), filing.form(), filing.filed());
            String form = facts.factsByConcept().values().stream().flatMap(List::stream).findFirst()
                    .map(f -> f.form()).orElse(filing.form());
            if (form != null && !FORM.matcher(form).matches()) {
                throw new UnusableXbrlException("the document is a " + form + ", not a 10-Q, 10-K or an amendment of one",
                        List.of());
            }
            return facts;
        } catch (UnusableXbrlException e) {
            throw e;
        } catch (InvalidXbrlException e) {
            throw new UnusableXbrlException(e.getMessage(), List.of());
        }
    }
}
