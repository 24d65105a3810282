package io.capexwatch.ingest.xbrl;

import java.util.List;

/**
 * A well-formed document that cannot be used (422): no CIK context, no form, a fact reported twice with
 * values that disagree, amounts no filing can hold. Nothing of it is stored.
 */
public class UnusableXbrlException extends InvalidXbrlException {
    private final List<String> errors;

    public UnusableXbrlException(String message, List<String> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
