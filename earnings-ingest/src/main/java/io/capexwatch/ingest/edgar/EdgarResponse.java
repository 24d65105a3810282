package io.capexwatch.ingest.edgar;

/**
 * An EDGAR answer: 200 with a body, or 304 when the document has not changed since the validators sent.
 *
 * @param body null for 304
 */
public record EdgarResponse(int status, byte[] body, String etag, String lastModified) {
    public boolean notModified() {
        return status == 304;
    }
}
