package eu.emistreams.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The API token of a local stack: 32 random bytes written once to {@code api-token} in the data
 * directory, readable by its owner only. The services' write endpoints require it
 * ({@code emi.auth.token-file}); the launcher, the tests and the benchmark send it.
 */
public final class ApiToken {

    private ApiToken() {
    }

    public static Path file(StackSettings settings) {
        return settings.dataDir().resolve("api-token");
    }

    /** The stack's token, created when missing. */
    public static String ensure(StackSettings settings) {
        Path file = file(settings);
        Optional<String> existing = read(settings);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            OwnerOnlyFiles.write(file, token + "\n");
        } catch (IOException e) {
            throw new StackException("cannot write the API token " + file + ": " + e.getMessage(), e);
        }
        return token;
    }

    /** The stack's token, when it has one. */
    public static Optional<String> read(StackSettings settings) {
        Path file = file(settings);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            throw new StackException("cannot read the API token " + file + ": " + e.getMessage(), e);
        }
    }

    /** The header value the write endpoints expect, when the stack has a token. */
    public static Optional<String> authorization(StackSettings settings) {
        return read(settings).map(token -> "Bearer " + token);
    }
}
