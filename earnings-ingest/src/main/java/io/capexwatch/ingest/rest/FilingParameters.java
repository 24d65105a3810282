package io.capexwatch.ingest.rest;

import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.ingest.xbrl.FilingXbrl;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The query parameters naming the filing of an imported XBRL document, checked: 400 problem+json listing what is wrong. */
final class FilingParameters {
    private FilingParameters() {
    }

    static FilingXbrl.Filing of(String accession, String form, String filed) {
        List<String> errors = new ArrayList<>();
        if (accession == null || accession.isBlank()) {
            errors.add("accession is required, e.g. ?accession=0001018724-25-000123");
        } else if (!FilingXbrl.ACCESSION.matcher(accession).matches()) {
            errors.add("accession \"" + accession + "\" is not an EDGAR accession number (##########-##-######)");
        }
        LocalDate day = null;
        if (filed == null || filed.isBlank()) {
            errors.add("filed (the filing date, YYYY-MM-DD) is required: the document does not carry it");
        } else {
            try {
                day = LocalDate.parse(filed);
            } catch (DateTimeParseException e) {
                errors.add("filed \"" + filed + "\" is not a date (YYYY-MM-DD)");
            }
        }
        String theForm = form == null || form.isBlank() ? null : form.trim().toUpperCase(java.util.Locale.ROOT);
        if (theForm != null && !FilingXbrl.FORM.matcher(theForm).matches()) {
            errors.add("form \"" + form + "\" is not a 10-Q, 10-K or an amendment of one");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-filing-parameters",
                    "the XBRL import needs the filing's accession and date", errors);
        }
        return new FilingXbrl.Filing(accession, theForm, day);
    }
}
