package io.capexwatch.ingest.edgar;

/** EDGAR answered with an error status; {@code retryable} for 403 (rate threshold), 429 and 5xx. */
public class EdgarRequestException extends RuntimeException {
    private final int status;

    public EdgarRequestException(String url, int status) {
        super("EDGAR answered " + status + " for " + url);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return status == 403 || status == 429 || status >= 500;
    }
}
