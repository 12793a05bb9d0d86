package eu.emistreams.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The local stack's mode: the deployment's API token is the one credential that may write. */
@QuarkusTest
class ApiTokenWritesIT {

    @Test
    void onlyTheDeploymentsTokenWritesAndARefusalChangesNothing() {
        int before = GuardedResource.WRITES.get();
        given().when().post("/api/things").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer wrong-token").when().post("/api/things").then().statusCode(401);
        String someJwt = TestIdentityProvider.token("https://issuer.example", "emi-streams", "analyst",
                Set.of(ApiTokenIdentityProvider.ROLE), Instant.now().plusSeconds(300), TestIdentityProvider.strangerKey());
        given().header("Authorization", "Bearer " + someJwt).when().post("/api/things").then().statusCode(401);
        given().when().get("/api/things").then().statusCode(200).body(equalTo("writes=" + before));

        given().header("Authorization", "Bearer test-api-token").when().post("/api/things")
                .then().statusCode(200).body(equalTo("writes=" + (before + 1)));
    }
}
