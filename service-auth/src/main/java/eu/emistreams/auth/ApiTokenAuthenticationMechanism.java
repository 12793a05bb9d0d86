package eu.emistreams.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code Authorization: Bearer TOKEN} and has {@link ApiTokenIdentityProvider} check it. A
 * request without the header stays anonymous, which the permissions of application.properties
 * refuse for every write (401 with a Bearer challenge); reads stay open unless configured otherwise.
 *
 * <p>With OIDC on ({@code quarkus.oidc.tenant-enabled=true}, production) this mechanism steps
 * aside: bearer tokens are then the identity provider's signed JWTs, checked by quarkus-oidc, and
 * the deployment's shared API token is no longer accepted anywhere.
 */
@ApplicationScoped
public class ApiTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SCHEME = "Bearer ";

    private final boolean oidcEnabled;

    public ApiTokenAuthenticationMechanism(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidcEnabled) {
        this.oidcEnabled = oidcEnabled;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (oidcEnabled || header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Uni.createFrom().optional(Optional.empty());
        }
        String token = header.substring(SCHEME.length()).strip();
        ApiTokenAuthenticationRequest request = new ApiTokenAuthenticationRequest(new TokenCredential(token, "bearer"));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (oidcEnabled) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"emi-streams\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenAuthenticationRequest.class);
    }
}
