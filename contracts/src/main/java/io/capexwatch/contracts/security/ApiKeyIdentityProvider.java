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
 * Checks API keys against {@code capexwatch.auth.api-keys} (env {@code CAPEXWATCH_AUTH_API_KEYS}, comma
 * separated) in constant time; a valid key is an admin. Keys are never logged.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    public static final String ADMIN = "admin";

    private final List<byte[]> keys;

    public ApiKeyIdentityProvider(@ConfigProperty(name = "capexwatch.auth.api-keys") Optional<List<String>> keys) {
        this.keys = keys.orElse(List.of()).stream()
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
        boolean valid = false;
        for (byte[] key : keys) {
            valid |= MessageDigest.isEqual(key, presented);
        }
        if (!valid) {
            return Uni.createFrom().failure(new AuthenticationFailedException("invalid API key"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("api-key"))
                .addRole(ADMIN)
                .build());
    }
}
