package eu.emistreams.ingest.comtrade;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.publish.EventSinkFactory;
import eu.emistreams.ingest.source.SourceFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** UN Comtrade as an ingest source: one CSV file, or a directory of them. */
@ApplicationScoped
public class ComtradeSource implements IngestSource {

    private final EventSinkFactory sinks;
    private final Path stateDirectory;
    private final long storeMemoryBytes;

    public ComtradeSource(EventSinkFactory sinks,
            @ConfigProperty(name = "emi.ingest.state-dir") Path stateDirectory,
            @ConfigProperty(name = "emi.ingest.store-memory-mb", defaultValue = "128") int storeMemoryMb) {
        this.sinks = sinks;
        this.stateDirectory = stateDirectory;
        this.storeMemoryBytes = (long) storeMemoryMb << 20;
    }

    @Override
    public String name() {
        return ComtradeIngestRun.SOURCE;
    }

    @Override
    public boolean holdsRelease(Path directory) {
        return SourceFiles.holdsCsv(directory);
    }

    @Override
    public boolean readsSingleFile() {
        return true;
    }

    @Override
    public void check(Path releasePath) throws IOException {
        ComtradeIngestRun.locateAndCheck(releasePath);
    }

    @Override
    public void run(IngestJob job) throws Exception {
        try (EventSink sink = sinks.open("emi-ingest-" + name())) {
            new ComtradeIngestRun(job, stateDirectory.resolve(name()), sink, storeMemoryBytes).run();
        }
    }
}
