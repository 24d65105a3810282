package io.capexwatch.ingest.xbrl;

/** The document is not a usable XBRL instance or inline XBRL document; nothing from it may be stored. */
public class InvalidXbrlException extends RuntimeException {
    public InvalidXbrlException(String message) {
        super(message);
    }

    public InvalidXbrlException(String message, Throwable cause) {
        super(message, cause);
    }
}
