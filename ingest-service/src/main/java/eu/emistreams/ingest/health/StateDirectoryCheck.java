package eu.emistreams.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the state directory (digests, work stores, uploads) can be written. */
@Readiness
@ApplicationScoped
public class StateDirectoryCheck implements HealthCheck {

    private final Path stateDirectory;

    public StateDirectoryCheck(@ConfigProperty(name = "emi.ingest.state-dir") Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Files.createDirectories(stateDirectory);
            boolean writable = Files.isWritable(stateDirectory);
            return HealthCheckResponse.named("Ingest state directory").status(writable)
                    .withData("path", stateDirectory.toAbsolutePath().toString()).build();
        } catch (IOException e) {
            return HealthCheckResponse.named("Ingest state directory").down()
                    .withData("path", stateDirectory.toAbsolutePath().toString())
                    .withData("reason", e.getMessage()).build();
        }
    }
}
