package io.capexwatch.verdict.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * A JSON body made once per change and served as is: its bytes, a strong ETag from their SHA-256 (so
 * every replica with the same content answers with the same ETag) and when its content last changed,
 * with the Last-Modified header value formatted once.
 */
public record CachedJson(byte[] body, String etag, Instant lastModified, String lastModifiedHeader) {

    public static CachedJson of(String json, Instant lastModified) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new CachedJson(body, "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"", lastModified,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
    }

    /** RFC 9110 If-None-Match: a list of entity tags or "*"; weak comparison. */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || (candidate.startsWith("W/") ? candidate.substring(2) : candidate).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
