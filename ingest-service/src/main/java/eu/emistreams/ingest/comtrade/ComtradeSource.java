package eu.emistreams.ingest.comtrade;

import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.job.RunEnvironment;
import eu.emistreams.ingest.keyed.CsvFilesIngestSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** UN Comtrade as an ingest source: one CSV file, or a directory of them. */
@ApplicationScoped
public class ComtradeSource {

    @Produces
    @ApplicationScoped
    IngestSource comtrade(RunEnvironment environment) {
        return new CsvFilesIngestSource(ComtradeRules.FILES, environment);
    }
}
