package io.capexwatch.contracts.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Checks API keys in constant time against {@code capexwatch.auth.api-keys} (env
 * {@code CAPEXWATCH_AUTH_API_KEYS}, comma separated), which make an admin, and
 * {@code capexwatch.auth.reader-api-keys}, which only read (where reads require a token,
 * {@code capexwatch.auth.reads-require-token}). Keys are never logged.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    public static final String ADMIN = "admin";
    public static final String READER = "reader";

    private final List<byte[]> adminKeys;
    private final List<byte[]> readerKeys;

    public ApiKeyIdentityProvider(@ConfigProperty(name = "capexwatch.auth.api-keys") Optional<List<String>> adminKeys,
                                  @ConfigProperty(name = "capexwatch.auth.reader-api-keys") Optional<List<String>> readerKeys) {
        this.adminKeys = bytes(adminKeys);
        this.readerKeys = bytes(readerKeys);
    }

    private static List<byte[]> bytes(Optional<List<String>> keys) {
        return keys.orElse(List.of()).stream()
                .filter(key -> !key.isBlank())
                .map(key -> key.trim().getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] presented = request.key().trim().getBytes(StandardCharsets.UTF_8);
        boolean admin = matchesAny(adminKeys, presented);
        boolean reader = matchesAny(readerKeys, presented);
        if (!admin && !reader) {
            return Uni.createFrom().failure(new AuthenticationFailedException("invalid API key"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(admin ? "admin-api-key" : "reader-api-key"))
                .addRole(admin ? ADMIN : READER)
                .build());
    }

    /** Compares with every key, whatever matched, so timing says nothing about which key is close. */
    private static boolean matchesAny(List<byte[]> keys, byte[] presented) {
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, presented);
        }
        return match;
    }
}
