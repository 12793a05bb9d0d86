package eu.emistreams.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A bearer token presented to the local stack's API token check. A type of its own, not Quarkus'
 * {@code TokenAuthenticationRequest}: that one is also the OIDC extension's, and the two identity
 * providers must never be asked about each other's tokens.
 */
public final class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final TokenCredential token;

    public ApiTokenAuthenticationRequest(TokenCredential token) {
        this.token = token;
    }

    public TokenCredential getToken() {
        return token;
    }
}
