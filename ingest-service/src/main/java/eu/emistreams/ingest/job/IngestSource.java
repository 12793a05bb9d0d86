package eu.emistreams.ingest.job;

import java.io.IOException;
import java.nio.file.Path;

/** One source the ingest reads (PATSTAT now; Comtrade, Prodcom and Crunchbase later). */
public interface IngestSource {

    /** The name used in URLs, report keys and reject keys, e.g. {@code patstat}. */
    String name();

    /** Whether a directory holds this source's tables: finds the release inside an unpacked archive. */
    boolean holdsRelease(Path directory);

    /**
     * Checks, before a job is queued, that every required file is there with every required
     * column. Throws {@link eu.emistreams.ingest.source.UnreadableInputException} with a one-line reason.
     */
    void check(Path releaseDirectory) throws IOException;

    /** Runs the job to the end; an exception fails it with the exception's message. */
    void run(IngestJob job) throws Exception;
}
