package io.capexwatch.ingest.edgar;

import java.util.List;

/**
 * The document is not a usable companyfacts document; nothing from it may be stored. Status 400 when it is
 * malformed or wrongly shaped, 422 when it is well formed but holds amounts no filing can hold.
 */
public class InvalidCompanyFactsException extends RuntimeException {
    private final int status;
    private final List<String> errors;

    public InvalidCompanyFactsException(String message, List<String> errors) {
        this(400, message, errors);
    }

    private InvalidCompanyFactsException(int status, String message, List<String> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static InvalidCompanyFactsException implausible(String message, List<String> errors) {
        return new InvalidCompanyFactsException(422, message, errors);
    }

    public int status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }
}
