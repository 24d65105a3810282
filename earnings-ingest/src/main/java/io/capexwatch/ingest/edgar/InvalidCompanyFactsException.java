package io.capexwatch.ingest.edgar;

import java.util.List;

/** The document is not a usable companyfacts document; nothing from it may be stored. */
public class InvalidCompanyFactsException extends RuntimeException {
    private final List<String> errors;

    public InvalidCompanyFactsException(String message, List<String> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
