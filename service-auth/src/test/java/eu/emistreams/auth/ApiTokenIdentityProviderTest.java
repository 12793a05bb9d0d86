package eu.emistreams.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenIdentityProviderTest {

    @Test
    void theTokenComesFromTheFileWithoutItsLineEnd(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("api-token"), "s3cret-token\n");
        assertArrayEquals("s3cret-token".getBytes(StandardCharsets.UTF_8),
                ApiTokenIdentityProvider.expectedToken(Optional.empty(), Optional.of(file)));
        assertArrayEquals("inline".getBytes(StandardCharsets.UTF_8),
                ApiTokenIdentityProvider.expectedToken(Optional.of("inline"), Optional.of(file)));
    }

    @Test
    void withoutAConfiguredTokenNothingMatches() {
        byte[] none = ApiTokenIdentityProvider.expectedToken(Optional.of(" "), Optional.empty());
        assertNull(none);
        assertFalse(ApiTokenIdentityProvider.matches(none, ""));
        assertFalse(ApiTokenIdentityProvider.matches(none, "anything"));
    }

    @Test
    void onlyTheExactTokenMatches() {
        byte[] expected = "abc123".getBytes(StandardCharsets.UTF_8);
        assertTrue(ApiTokenIdentityProvider.matches(expected, "abc123"));
        assertFalse(ApiTokenIdentityProvider.matches(expected, "abc1234"));
        assertFalse(ApiTokenIdentityProvider.matches(expected, "ABC123"));
        assertFalse(ApiTokenIdentityProvider.matches(expected, ""));
        assertFalse(ApiTokenIdentityProvider.matches(expected, null));
    }
}
