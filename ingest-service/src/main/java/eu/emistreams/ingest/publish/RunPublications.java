package eu.emistreams.ingest.publish;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.events.ingest.RejectedRow;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.RecordAccounting;
import org.jboss.logging.Logger;

/**
 * What every ingest run publishes besides its events: its reports on {@code emi.ingest.reports}
 * (key {@code source/release}) and its rejected rows on {@code emi.rejects} (key {@code source}).
 * Rejects are withheld when the run re-ingests the release in force: they went out with the run
 * that committed it.
 */
public final class RunPublications {

    private static final Logger LOG = Logger.getLogger(RunPublications.class);

    /** The ingest of one release, between its reports. */
    @FunctionalInterface
    public interface Ingest {
        void run() throws Exception;
    }

    private final String source;
    private final IngestJob job;
    private final EventSink sink;
    private final long startedAt = System.currentTimeMillis();
    private boolean publishRejects = true;

    public RunPublications(String source, IngestJob job, EventSink sink) {
        this.source = source;
        this.job = job;
        this.sink = sink;
    }

    /** Rejects of this run are counted but not published (the release in force is ingested again). */
    public void withholdRejects() {
        publishRejects = false;
    }

    public void reject(String file, long line, String reason, String content) {
        if (publishRejects) {
            sink.send(EventTopics.REJECTS.name(), source, RejectedRow.newBuilder()
                    .setSource(source)
                    .setRelease(job.release())
                    .setFile(file)
                    .setLine(line)
                    .setReason(reason)
                    .setContent(content)
                    .build());
        }
    }

    /**
     * Runs {@code ingest} between a RUNNING report and a COMPLETED one, or a FAILED one with the
     * failure's message (the failure is rethrown), then logs the run's accounting.
     */
    public void reported(Ingest ingest) throws Exception {
        report("RUNNING", null);
        try {
            ingest.run();
        } catch (Exception | Error e) {
            try {
                report("FAILED", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (RuntimeException reportFailed) {
                e.addSuppressed(reportFailed);
            }
            throw e;
        }
        report("COMPLETED", null);
        RecordAccounting.Snapshot counts = job.accounting().snapshot();
        LOG.infof("%s release %s: read %d rows, %d published, %d ignored, %d quality, %d rejected; "
                + "events %d new or changed, %d unchanged, %d retracted", source, job.release(), counts.read(),
                counts.published(), counts.ignored(), counts.quality(), counts.rejected(), counts.eventsChanged(),
                counts.eventsUnchanged(), counts.eventsRetracted());
    }

    /** Publishes the report with the accounting so far and waits for its acknowledgement. */
    public void report(String status, String message) {
        RecordAccounting.Snapshot counts = job.accounting().snapshot();
        IngestReport report = IngestReports.of(source, job.release(), status, startedAt,
                "RUNNING".equals(status) ? null : System.currentTimeMillis(), counts, message);
        sink.send(EventTopics.INGEST_REPORTS.name(), IngestReports.key(source, job.release()), report);
        sink.flush();
    }
}
