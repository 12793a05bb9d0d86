package eu.emistreams.ingest.job;

import java.io.IOException;
import java.nio.file.Path;

/** One source the ingest reads: PATSTAT, Comtrade, Prodcom, Crunchbase. */
public interface IngestSource {

    /** The name used in URLs, report keys and reject keys, e.g. {@code patstat}. */
    String name();

    /** Whether a directory holds this source's tables: finds the release inside an unpacked archive. */
    boolean holdsRelease(Path directory);

    /**
     * Whether a release may be a single CSV file rather than a directory (Comtrade and Prodcom
     * extracts come as one or several files; PATSTAT and Crunchbase need their tables side by side).
     */
    default boolean readsSingleFile() {
        return false;
    }

    /**
     * Checks, before a job is queued, that every required file is there with every required
     * column. Throws {@link eu.emistreams.ingest.source.UnreadableInputException} with a one-line reason.
     *
     * @param releasePath the release directory, or its file when {@link #readsSingleFile()}
     */
    void check(Path releasePath) throws IOException;

    /** Runs the job to the end; an exception fails it with the exception's message. */
    void run(IngestJob job) throws Exception;
}
