package eu.emistreams.ingest.prodcom;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.job.RunEnvironment;
import eu.emistreams.ingest.keyed.CsvFilesIngestRun;
import eu.emistreams.ingest.source.SourceFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;

/** Eurostat Prodcom (DS-059358, SDMX-CSV) as an ingest source: one CSV file, or a directory of them. */
@ApplicationScoped
public class ProdcomSource implements IngestSource {

    private final RunEnvironment environment;

    public ProdcomSource(RunEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return ProdcomRules.FILES.name();
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
        ProdcomRules.FILES.locateAndCheck(releasePath);
    }

    @Override
    public void run(IngestJob job) throws Exception {
        environment.run(name(), (state, sink, storeMemoryBytes) ->
                new CsvFilesIngestRun<>(ProdcomRules.FILES, job, state, sink, storeMemoryBytes).run());
    }
}
