package io.capexwatch.ingest.definitions;

/** A definitions file that cannot be used as it is; the message names the file and what is wrong. */
public class InvalidDefinitionsException extends RuntimeException {
    public InvalidDefinitionsException(String message) {
        super(message);
    }

    public InvalidDefinitionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
