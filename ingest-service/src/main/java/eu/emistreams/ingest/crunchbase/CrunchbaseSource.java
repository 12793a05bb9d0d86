package eu.emistreams.ingest.crunchbase;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.publish.EventSinkFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Crunchbase bulk export as an ingest source: a directory with organizations.csv and funding_rounds.csv. */
@ApplicationScoped
public class CrunchbaseSource implements IngestSource {

    private final EventSinkFactory sinks;
    private final Path stateDirectory;
    private final long storeMemoryBytes;

    public CrunchbaseSource(EventSinkFactory sinks,
            @ConfigProperty(name = "emi.ingest.state-dir") Path stateDirectory,
            @ConfigProperty(name = "emi.ingest.store-memory-mb", defaultValue = "128") int storeMemoryMb) {
        this.sinks = sinks;
        this.stateDirectory = stateDirectory;
        this.storeMemoryBytes = (long) storeMemoryMb << 20;
    }

    @Override
    public String name() {
        return CrunchbaseIngestRun.SOURCE;
    }

    @Override
    public boolean holdsRelease(Path directory) {
        return CrunchbaseIngestRun.holdsRelease(directory);
    }

    @Override
    public void check(Path releasePath) throws IOException {
        CrunchbaseIngestRun.locateAndCheck(releasePath);
    }

    @Override
    public void run(IngestJob job) throws Exception {
        try (EventSink sink = sinks.open("emi-ingest-" + name())) {
            new CrunchbaseIngestRun(job, stateDirectory.resolve(name()), sink, storeMemoryBytes).run();
        }
    }
}
