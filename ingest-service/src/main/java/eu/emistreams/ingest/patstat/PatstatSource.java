package eu.emistreams.ingest.patstat;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.publish.EventSinkFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** PATSTAT Global as an ingest source of the service. */
@ApplicationScoped
public class PatstatSource implements IngestSource {

    private final EventSinkFactory sinks;
    private final Path stateDirectory;
    private final long storeMemoryBytes;

    public PatstatSource(EventSinkFactory sinks,
            @ConfigProperty(name = "emi.ingest.state-dir") Path stateDirectory,
            @ConfigProperty(name = "emi.ingest.store-memory-mb", defaultValue = "128") int storeMemoryMb) {
        this.sinks = sinks;
        this.stateDirectory = stateDirectory;
        this.storeMemoryBytes = (long) storeMemoryMb << 20;
    }

    @Override
    public String name() {
        return PatstatIngestRun.SOURCE;
    }

    @Override
    public boolean holdsRelease(Path directory) {
        return PatstatIngestRun.holdsRelease(directory);
    }

    @Override
    public void check(Path releaseDirectory) throws IOException {
        PatstatIngestRun.locateAndCheck(releaseDirectory);
    }

    @Override
    public void run(IngestJob job) throws Exception {
        try (EventSink sink = sinks.open("emi-ingest-" + name())) {
            new PatstatIngestRun(job, stateDirectory.resolve(name()), sink, storeMemoryBytes).run();
        }
    }
}
