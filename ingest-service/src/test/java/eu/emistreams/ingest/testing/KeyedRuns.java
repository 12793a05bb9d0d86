package eu.emistreams.ingest.testing;

import eu.emistreams.ingest.comtrade.ComtradeRules;
import eu.emistreams.ingest.crunchbase.CrunchbaseIngestRun;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.keyed.CsvFilesIngestRun;
import eu.emistreams.ingest.prodcom.ProdcomRules;
import eu.emistreams.ingest.publish.EventSink;
import java.nio.file.Path;

/** Runs the ingest of a keyed source the way the job worker does, against a recording sink. */
public final class KeyedRuns {

    private static final long STORE_MEMORY = 16L << 20;

    private KeyedRuns() {
    }

    /** Runs the ingest of {@code source} on {@code path} as release {@code release}; rethrows its failure. */
    public static IngestJob run(String source, Path path, String release, Path stateDirectory, EventSink sink)
            throws Exception {
        IngestJob job = new IngestJob("test-" + release, source, release, path, null);
        Path sourceState = stateDirectory.resolve(source);
        switch (source) {
            case ComtradeRules.SOURCE -> new CsvFilesIngestRun<>(ComtradeRules.FILES, job, sourceState, sink, STORE_MEMORY).run();
            case ProdcomRules.SOURCE -> new CsvFilesIngestRun<>(ProdcomRules.FILES, job, sourceState, sink, STORE_MEMORY).run();
            case CrunchbaseIngestRun.SOURCE -> new CrunchbaseIngestRun(job, sourceState, sink, STORE_MEMORY).run();
            default -> throw new IllegalArgumentException("no keyed source " + source);
        }
        return job;
    }
}
