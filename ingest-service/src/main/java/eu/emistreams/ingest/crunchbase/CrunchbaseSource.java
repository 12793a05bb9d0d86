package eu.emistreams.ingest.crunchbase;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.job.RunEnvironment;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;

/** The Crunchbase bulk export as an ingest source: a directory with organizations.csv and funding_rounds.csv. */
@ApplicationScoped
public class CrunchbaseSource implements IngestSource {

    private final RunEnvironment environment;

    public CrunchbaseSource(RunEnvironment environment) {
        this.environment = environment;
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
        environment.run(name(), (state, sink, storeMemoryBytes) ->
                new CrunchbaseIngestRun(job, state, sink, storeMemoryBytes).run());
    }
}
