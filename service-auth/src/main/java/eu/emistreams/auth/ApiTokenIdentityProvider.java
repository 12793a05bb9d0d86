package eu.emistreams.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Accepts the one API token of the deployment: {@code emi.auth.token-file} (the launcher writes
 * {@code .emi/api-token}, readable by its owner only) or {@code emi.auth.token}. Without either,
 * every token is refused, so that writes are closed unless a token was set up.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ApiTokenIdentityProvider.class);
    static final String PRINCIPAL = "emi-api-token";
    /** The role every write endpoint requires; an OIDC token carries it in its groups or realm roles. */
    public static final String ROLE = "emi-writer";

    private final byte[] expected;

    public ApiTokenIdentityProvider(@ConfigProperty(name = "emi.auth.token") Optional<String> token,
            @ConfigProperty(name = "emi.auth.token-file") Optional<Path> tokenFile) {
        this.expected = expectedToken(token, tokenFile);
        if (expected == null) {
            LOG.warn("no API token is configured (emi.auth.token-file or emi.auth.token): every write request is refused");
        }
    }

    static byte[] expectedToken(Optional<String> token, Optional<Path> tokenFile) {
        String value = token.filter(t -> !t.isBlank()).orElse(null);
        if (value == null && tokenFile.isPresent()) {
            try {
                value = Files.readString(tokenFile.get(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("the API token file " + tokenFile.get() + " cannot be read", e);
            }
        }
        return value == null || value.isEmpty() ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!matches(expected, request.getToken().getToken())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the API token is not the deployment's"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(PRINCIPAL))
                .addRole(ROLE)
                .addCredential(request.getToken())
                .build());
    }

    /** Constant-time comparison: the answer's timing says nothing about how much of a guess was right. */
    static boolean matches(byte[] expected, String presented) {
        return expected != null && presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
