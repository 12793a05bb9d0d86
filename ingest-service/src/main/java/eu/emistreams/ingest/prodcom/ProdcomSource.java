package eu.emistreams.ingest.prodcom;

import eu.emistreams.ingest.job.IngestSource;
import eu.emistreams.ingest.job.RunEnvironment;
import eu.emistreams.ingest.keyed.CsvFilesIngestSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Eurostat Prodcom (DS-059358, SDMX-CSV) as an ingest source: one CSV file, or a directory of them. */
@ApplicationScoped
public class ProdcomSource {

    @Produces
    @ApplicationScoped
    IngestSource prodcom(RunEnvironment environment) {
        return new CsvFilesIngestSource(ProdcomRules.FILES, environment);
    }
}
