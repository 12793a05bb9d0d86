package eu.emistreams.ingest.health;

import eu.emistreams.events.DiskSpace;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the state directory (digests, work stores, uploads) can be written and has the
 * free space of {@code emi.state.min-free-space}.
 */
@Readiness
@ApplicationScoped
public class StateDirectoryCheck implements HealthCheck {

    private final Path stateDirectory;
    private final StateDiskSpace diskSpace;

    public StateDirectoryCheck(@ConfigProperty(name = "emi.ingest.state-dir") Path stateDirectory, StateDiskSpace diskSpace) {
        this.stateDirectory = stateDirectory;
        this.diskSpace = diskSpace;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Files.createDirectories(stateDirectory);
            boolean writable = Files.isWritable(stateDirectory);
            DiskSpace space = diskSpace.measure();
            HealthCheckResponseBuilder response = HealthCheckResponse.named("Ingest state directory")
                    .status(writable && !space.low())
                    .withData("path", stateDirectory.toAbsolutePath().toString())
                    .withData("usableBytes", space.usableBytes()).withData("minFreeBytes", space.minFreeBytes());
            if (!writable) {
                response.withData("reason", "not writable");
            } else if (space.low()) {
                response.withData("reason", "no job is accepted: " + space.describe());
            }
            return response.build();
        } catch (IOException e) {
            return HealthCheckResponse.named("Ingest state directory").down()
                    .withData("path", stateDirectory.toAbsolutePath().toString())
                    .withData("reason", e.getMessage()).build();
        }
    }
}
