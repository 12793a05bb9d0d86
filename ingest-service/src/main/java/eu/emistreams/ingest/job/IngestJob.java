package eu.emistreams.ingest.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One ingest of one release: queued, then run on the single worker, then completed or failed.
 * Progress fields are written by the worker and read by HTTP threads.
 */
public final class IngestJob {

    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED
    }

    private final String id;
    private final String source;
    private final String release;
    private final Path releasePath;
    private final Path temporaryDirectory;
    private final Instant submittedAt = Instant.now();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong rowsRead = new AtomicLong();
    private final RecordAccounting accounting = new RecordAccounting();
    private volatile State state = State.QUEUED;
    private volatile String phase = "queued";
    private volatile long bytesTotal;
    private volatile String message;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;

    /**
     * @param releasePath the release directory, or its single file for sources read from one file
     * @param temporaryDirectory an unpacked upload to delete when the job ends, or null
     */
    public IngestJob(String id, String source, String release, Path releasePath, Path temporaryDirectory) {
        this.id = id;
        this.source = source;
        this.release = release;
        this.releasePath = releasePath;
        this.temporaryDirectory = temporaryDirectory;
    }

    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    public String release() {
        return release;
    }

    public Path releasePath() {
        return releasePath;
    }

    public Path temporaryDirectory() {
        return temporaryDirectory;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public State state() {
        return state;
    }

    public String phase() {
        return phase;
    }

    public AtomicLong bytesRead() {
        return bytesRead;
    }

    public long bytesTotal() {
        return bytesTotal;
    }

    public AtomicLong rowsRead() {
        return rowsRead;
    }

    public String message() {
        return message;
    }

    public RecordAccounting accounting() {
        return accounting;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public void phase(String phase) {
        this.phase = phase;
    }

    public void bytesTotal(long bytesTotal) {
        this.bytesTotal = bytesTotal;
    }

    void started() {
        startedAt = Instant.now();
        state = State.RUNNING;
        phase = "starting";
    }

    void completed() {
        finishedAt = Instant.now();
        phase = "done";
        state = State.COMPLETED;
    }

    void failed(String reason) {
        finishedAt = Instant.now();
        message = reason;
        state = State.FAILED;
    }
}
