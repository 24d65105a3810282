package io.capexwatch.verdict.cache;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON body made once per change and served as is: its bytes and their gzip encoding, a strong ETag
 * from the bytes' SHA-256 (so every replica with the same content answers with the same ETag; both
 * encodings carry it, as RFC 9110 allows for a content coding of the same representation) and when its
 * content last changed, with every header value made once too ({@link Wire}).
 */
public record CachedJson(byte[] body, String etag, Instant lastModified, String lastModifiedHeader, byte[] gzipped, Wire wire) {

    /**
     * What a response writes, ready for Vert.x: header values as pre-encoded ASCII and the two bodies as
     * buffers that every request writes again without copying (each write takes a slice).
     */
    public record Wire(CharSequence etag, CharSequence lastModified, Buffer identity, CharSequence identityLength,
                       Buffer gzip, CharSequence gzipLength) {
    }

    public static CachedJson of(String json, Instant lastModified) {
        return of(json.getBytes(StandardCharsets.UTF_8), lastModified);
    }

    public static CachedJson of(byte[] body, Instant lastModified) {
        String etag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"";
        String lastModifiedHeader = DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC));
        byte[] gzipped = gzip(body);
        return new CachedJson(body, etag, lastModified, lastModifiedHeader, gzipped,
                new Wire(HttpHeaders.createOptimized(etag), HttpHeaders.createOptimized(lastModifiedHeader), direct(body),
                        HttpHeaders.createOptimized(Integer.toString(body.length)), direct(gzipped),
                        HttpHeaders.createOptimized(Integer.toString(gzipped.length))));
    }

    /** RFC 9110 If-None-Match: a list of entity tags or "*"; weak comparison. Allocates nothing. */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        int length = ifNoneMatch.length();
        int start = 0;
        while (start <= length) {
            int end = ifNoneMatch.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(ifNoneMatch.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(ifNoneMatch.charAt(to - 1))) {
                to--;
            }
            if (to - from == 1 && ifNoneMatch.charAt(from) == '*') {
                return true;
            }
            if (ifNoneMatch.startsWith("W/", from)) {
                from += 2;
            }
            if (to - from == etag.length() && ifNoneMatch.regionMatches(from, etag, 0, etag.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static Buffer direct(byte[] bytes) {
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes)));
    }

    /** Bodies up to this size get zlib's best compression; larger ones (the lists of hundreds) its default. */
    static final int BEST_COMPRESSION_UP_TO = 64 * 1024;

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        // Made once per change, served many times: the best compression, except for the lists of hundreds of
        // companies, which are made again on every change: for 500 companies' 3.1 MB level 9 took 220 ms a
        // change and level 6 46 ms, for a body 5% larger (docs/benchmarks.md).
        int level = body.length <= BEST_COMPRESSION_UP_TO ? Deflater.BEST_COMPRESSION : Deflater.DEFAULT_COMPRESSION;
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
