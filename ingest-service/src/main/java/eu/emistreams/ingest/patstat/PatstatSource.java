package eu.emistreams.ingest.patstat;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.job.RunEnvironment;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** PATSTAT Global as an ingest source of the service. */
@ApplicationScoped
public class PatstatSource implements IngestSource {

    private final RunEnvironment environment;
    private final long personMemoryBytes;

    public PatstatSource(RunEnvironment environment,
            @ConfigProperty(name = "emi.ingest.person-memory-mb", defaultValue = "256") int personMemoryMb) {
        this.environment = environment;
        this.personMemoryBytes = (long) personMemoryMb << 20;
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
        environment.run(name(), (state, sink, storeMemoryBytes) ->
                new PatstatIngestRun(job, state, sink, storeMemoryBytes, personMemoryBytes).run());
    }
}
