package eu.emistreams.auth;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * An OpenID Connect issuer for the tests: discovery document and JWKS served on 127.0.0.1, RS256
 * access tokens signed with a key made at start. quarkus-oidc finds the keys by discovery, as it
 * does with Keycloak in production. Written here rather than taken from quarkus-test-oidc-server
 * because that one listens on every interface.
 *
 * <p>The issuer and its signing key reach the test class through system properties: Quarkus may
 * load the test class and this resource with different class loaders, so static fields are not shared.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String AUDIENCE = "emi-streams";
    static final String KEY_ID = "test-key-1";
    private static final String ISSUER_PROPERTY = "emi.test.oidc.issuer";
    private static final String KEY_PROPERTY = "emi.test.oidc.signing-key";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("the test identity provider cannot listen", e);
        }
        KeyPair keys = rsaKeys();
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/emi";
        serve("/realms/emi/.well-known/openid-configuration", """
                {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                 "token_endpoint": "%s/protocol/openid-connect/token",
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer, issuer, issuer));
        serve("/realms/emi/protocol/openid-connect/certs", jwks((RSAPublicKey) keys.getPublic()));
        server.start();
        System.setProperty(ISSUER_PROPERTY, issuer);
        System.setProperty(KEY_PROPERTY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.token.audience", AUDIENCE);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A token as the issuer would sign it for {@code subject} in {@code groups}. */
    static String accessToken(String subject, Set<String> groups) {
        return token(issuer(), AUDIENCE, subject, groups, Instant.now().plusSeconds(300), signingKey());
    }

    static String token(String tokenIssuer, String audience, String subject, Set<String> groups, Instant expiry, PrivateKey key) {
        return Jwt.issuer(tokenIssuer).audience(audience).subject(subject).groups(groups)
                .issuedAt(expiry.minusSeconds(600)).expiresAt(expiry)
                .jws().keyId(KEY_ID).sign(key);
    }

    static String issuer() {
        return System.getProperty(ISSUER_PROPERTY);
    }

    static PrivateKey signingKey() {
        try {
            byte[] pkcs8 = Base64.getDecoder().decode(System.getProperty(KEY_PROPERTY));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey strangerKey() {
        return rsaKeys().getPrivate();
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static String jwks(RSAPublicKey key) {
        return """
                {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "%s", "n": "%s", "e": "%s"}]}"""
                .formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    /** A JWK number: big-endian bytes without the sign byte that BigInteger adds. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
