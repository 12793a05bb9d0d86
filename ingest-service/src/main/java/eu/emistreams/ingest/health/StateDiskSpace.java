package eu.emistreams.ingest.health;

import eu.emistreams.events.DiskSpace;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The free space of the ingest state directory (digests, work stores, unpacked uploads) against
 * {@code emi.state.min-free-space}: below it no job is accepted and readiness says DOWN. A job
 * that is running when the disk fills fails with the file system's reason and is reported
 * FAILED, like any interrupted run; its re-run completes once there is room.
 */
@ApplicationScoped
public class StateDiskSpace {

    private final Path stateDirectory;
    private final long minFreeBytes;

    public StateDiskSpace(@ConfigProperty(name = "emi.ingest.state-dir") Path stateDirectory,
            @ConfigProperty(name = DiskSpace.MIN_FREE_KEY, defaultValue = DiskSpace.MIN_FREE_DEFAULT) MemorySize minFree) {
        this.stateDirectory = stateDirectory;
        this.minFreeBytes = minFree.asLongValue();
    }

    public DiskSpace measure() throws IOException {
        return DiskSpace.of(stateDirectory, minFreeBytes);
    }
}
