package eu.emistreams.ingest.publish;

import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.ingest.job.RecordAccounting;
import java.util.HashMap;
import java.util.Map;

/** The one way an {@code emi.ingest.reports} record is made: its key and its value. */
public final class IngestReports {

    /** Accepted, waiting for its turn (JobAnnouncements). */
    public static final String QUEUED = "QUEUED";

    private static final RecordAccounting.Snapshot NOTHING_READ =
            new RecordAccounting.Snapshot(0, 0, 0, 0, 0, 0, 0, 0, Map.of());

    private IngestReports() {
    }

    /** The compacted topic keeps one report per release: the last. */
    public static String key(String source, String release) {
        return source + "/" + release;
    }

    /** A report with the accounting so far; {@code finishedAt} null while the run is QUEUED or RUNNING. */
    public static IngestReport of(String source, String release, String status, long startedAt, Long finishedAt,
            RecordAccounting.Snapshot counts, String message) {
        return IngestReport.newBuilder()
                .setSource(source)
                .setRelease(release)
                .setStatus(status)
                .setStartedAt(startedAt)
                .setFinishedAt(finishedAt)
                .setRead(counts.read())
                .setPublished(counts.published())
                .setIgnored(counts.ignored())
                .setQuality(counts.quality())
                .setRejected(counts.rejected())
                .setEventsChanged(counts.eventsChanged())
                .setEventsUnchanged(counts.eventsUnchanged())
                .setEventsRetracted(counts.eventsRetracted())
                .setDetails(new HashMap<>(counts.details()))
                .setMessage(message)
                .build();
    }

    /** The report of a job accepted and waiting for its turn: nothing read yet. */
    public static IngestReport queued(String source, String release, long submittedAt) {
        return of(source, release, QUEUED, submittedAt, null, NOTHING_READ, null);
    }
}
