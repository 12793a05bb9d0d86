package eu.emistreams.ingest.job;

import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.publish.EventSinkFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every source's run gets from the service: a sink of its own, the source's state directory
 * (previous-release digests) and the memory budget of its on-disk stores.
 */
@ApplicationScoped
public class RunEnvironment {

    /** Starts one source's run with what the service provides. */
    @FunctionalInterface
    public interface Run {
        void run(Path sourceStateDirectory, EventSink sink, long storeMemoryBytes) throws Exception;
    }

    private final EventSinkFactory sinks;
    private final Path stateDirectory;
    private final long storeMemoryBytes;

    public RunEnvironment(EventSinkFactory sinks,
            @ConfigProperty(name = "emi.ingest.state-dir") Path stateDirectory,
            @ConfigProperty(name = "emi.ingest.store-memory-mb", defaultValue = "128") int storeMemoryMb) {
        this.sinks = sinks;
        this.stateDirectory = stateDirectory;
        this.storeMemoryBytes = (long) storeMemoryMb << 20;
    }

    public void run(String source, Run run) throws Exception {
        try (EventSink sink = sinks.open("emi-ingest-" + source)) {
            run.run(stateDirectory.resolve(source), sink, storeMemoryBytes);
        }
    }
}
