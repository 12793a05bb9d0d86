package eu.emistreams.ingest.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the service under test a state directory of its own: the test stack's topics are new on
 * every run, so digests left by an earlier run would make the service publish nothing.
 */
public class FreshStateDirectory implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(Path.of("target"));
            Path directory = Files.createTempDirectory(Path.of("target"), "ingest-state-it-");
            return Map.of("emi.ingest.state-dir", directory.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // kept under target/ for a look after a failed run
    }
}
