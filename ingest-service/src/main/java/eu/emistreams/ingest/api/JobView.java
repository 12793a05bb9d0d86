package eu.emistreams.ingest.api;

import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.job.RecordAccounting;
import java.time.Instant;
import java.util.Map;

/** An ingest job as the API shows it, with its progress and its record accounting so far. */
public record JobView(String id, String source, String release, String state, String phase, long bytesRead,
        long bytesTotal, long rowsRead, String message, Report report, String submittedAt, String startedAt,
        String finishedAt) {

    /** The record accounting of indicators.md §8. */
    public record Report(long read, long published, long ignored, long quality, long rejected, long eventsChanged,
            long eventsUnchanged, long eventsRetracted, Map<String, Long> details) {
    }

    static JobView of(IngestJob job) {
        RecordAccounting.Snapshot counts = job.accounting().snapshot();
        return new JobView(job.id(), job.source(), job.release(), job.state().name(), job.phase(),
                job.bytesRead().get(), job.bytesTotal(), job.rowsRead().get(), job.message(),
                new Report(counts.read(), counts.published(), counts.ignored(), counts.quality(), counts.rejected(),
                        counts.eventsChanged(), counts.eventsUnchanged(), counts.eventsRetracted(), counts.details()),
                text(job.submittedAt()), text(job.startedAt()), text(job.finishedAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
