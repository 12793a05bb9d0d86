package eu.emistreams.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The production mode: OIDC on. A write needs an access token that the identity provider signed,
 * for this audience, not expired, carrying the role emi-writer; the shared API token no longer
 * writes. Every refusal leaves the count of writes as it was.
 */
@QuarkusTest
@TestProfile(OidcWritesIT.OidcOn.class)
class OidcWritesIT {

    public static class OidcOn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestIdentityProvider.class));
        }
    }

    private static final String WRITER = ApiTokenIdentityProvider.ROLE;

    @Test
    void aSignedTokenWithTheWriterRoleWrites() {
        int before = GuardedResource.WRITES.get();
        given().header("Authorization", "Bearer " + TestIdentityProvider.accessToken("analyst", Set.of(WRITER)))
                .when().post("/api/things").then().statusCode(200).body(equalTo("writes=" + (before + 1)));
    }

    @Test
    void everyOtherCredentialIsRefusedAndChangesNothing() {
        int before = GuardedResource.WRITES.get();
        Instant later = Instant.now().plusSeconds(300);
        String issuer = TestIdentityProvider.issuer();
        String aud = TestIdentityProvider.AUDIENCE;

        refused(null, 401);
        refused("test-api-token", 401);
        refused(TestIdentityProvider.accessToken("reader", Set.of("emi-reader")), 403);
        refused(TestIdentityProvider.token(issuer, aud, "analyst", Set.of(WRITER), Instant.now().minusSeconds(120),
                TestIdentityProvider.signingKey()), 401);
        refused(TestIdentityProvider.token(issuer, aud, "analyst", Set.of(WRITER), later,
                TestIdentityProvider.strangerKey()), 401);
        refused(TestIdentityProvider.token("https://elsewhere.example/realms/emi", aud, "analyst", Set.of(WRITER), later,
                TestIdentityProvider.signingKey()), 401);
        refused(TestIdentityProvider.token(issuer, "another-service", "analyst", Set.of(WRITER), later,
                TestIdentityProvider.signingKey()), 401);

        given().when().get("/api/things").then().statusCode(200).body(equalTo("writes=" + before));
    }

    private static void refused(String token, int status) {
        var request = given();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.when().post("/api/things").then().statusCode(status);
    }
}
