package io.capexwatch.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Admin credentials for local runs and tests: an API key (kept in the data directory, readable by its
 * owner only, so it survives restarts) and an RSA key pair whose public half the services trust for
 * bearer JWTs signed here.
 */
public final class AdminCredentials {
    public static final String ISSUER = "capex-watch";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final String apiKey;
    private final KeyPair jwtKeys;

    private AdminCredentials(String apiKey, KeyPair jwtKeys) {
        this.apiKey = apiKey;
        this.jwtKeys = jwtKeys;
    }

    /** @param dataDir keeps the API key between runs; null for throw-away credentials */
    public static AdminCredentials create(Path dataDir) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new AdminCredentials(apiKey(dataDir), generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String apiKey() {
        return apiKey;
    }

    /** The public key as mp.jwt.verify.publickey expects it (base64 of the X.509 encoding). */
    public String jwtPublicKey() {
        return Base64.getEncoder().encodeToString(jwtKeys.getPublic().getEncoded());
    }

    /** A signed RS256 JWT from {@value #ISSUER} for {@code subject} with these groups, valid for an hour. */
    public String jwt(String subject, List<String> groups) {
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[" + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(","))
                + "],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(jwtKeys.getPrivate());
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String apiKey(Path dataDir) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String fresh = HexFormat.of().formatHex(random);
        if (dataDir == null) {
            return fresh;
        }
        Path file = dataDir.resolve("admin-api-key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dataDir);
            Files.writeString(file, fresh + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin API key in " + file, e);
        }
    }
}
