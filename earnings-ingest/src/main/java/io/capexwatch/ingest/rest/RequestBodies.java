package io.capexwatch.ingest.rest;

import io.capexwatch.contracts.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Request bodies as HTTP clients send large ones: {@code Content-Encoding: gzip} is decompressed here, and
 * stops one byte past the size limit, so a small body that inflates to gigabytes costs no more than the
 * limit. Blocking work: call it on a worker.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    /** Whether the header names an encoding other than identity. */
    static boolean encoded(String contentEncoding) {
        return contentEncoding != null && !contentEncoding.isBlank()
                && !contentEncoding.trim().equalsIgnoreCase("identity");
    }

    /** @return the body's bytes, decoded; 413 above {@code limit} (after decoding), 415 for other encodings */
    static byte[] decode(byte[] body, String contentEncoding, BodySizeLimit limit) {
        if (!encoded(contentEncoding)) {
            limit.check(body.length);
            return body;
        }
        String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new ProblemException(415, "unsupported-content-encoding", "Unsupported content encoding",
                    "Content-Encoding " + contentEncoding + " is not supported; send the body as is or gzip");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] decoded = in.readNBytes((int) Math.min(limit.limit() + 1, Integer.MAX_VALUE - 8));
            if (decoded.length > limit.limit()) {
                throw limit.decompressedTooLarge();
            }
            return decoded;
        } catch (IOException e) {
            throw ProblemException.badRequest("invalid-content-encoding",
                    "the body is not valid gzip: " + e.getMessage(), List.of());
        }
    }
}
