package eu.emistreams.ingest.keyed;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.job.RunEnvironment;
import eu.emistreams.ingest.source.SourceFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@link CsvFilesSource} as an ingest source: one CSV file, or a directory of them. Each such
 * source's package produces one, as a bean, for its descriptor.
 */
public final class CsvFilesIngestSource implements IngestSource {

    private final CsvFilesSource<?> files;
    private final RunEnvironment environment;

    public CsvFilesIngestSource(CsvFilesSource<?> files, RunEnvironment environment) {
        this.files = files;
        this.environment = environment;
    }

    @Override
    public String name() {
        return files.name();
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
        files.locateAndCheck(releasePath);
    }

    @Override
    public void run(IngestJob job) throws Exception {
        environment.run(name(), (state, sink, storeMemoryBytes) ->
                new CsvFilesIngestRun<>(files, job, state, sink, storeMemoryBytes).run());
    }
}
