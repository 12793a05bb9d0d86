package eu.emistreams.query.status;

import eu.emistreams.events.ingest.IngestReport;
import java.util.Map;
import java.util.TreeMap;

/** The record accounting of one ingested release (indicators.md §8), as {@code /api/status} shows it. */
public record ReleaseAccounting(
        String release,
        String status,
        long startedAt,
        Long finishedAt,
        long read,
        long published,
        long ignored,
        long quality,
        long rejected,
        long eventsChanged,
        long eventsUnchanged,
        long eventsRetracted,
        Map<String, Long> details,
        String message) {

    public static ReleaseAccounting of(IngestReport report) {
        return new ReleaseAccounting(
                report.getRelease(),
                report.getStatus(),
                report.getStartedAt(),
                report.getFinishedAt(),
                report.getRead(),
                report.getPublished(),
                report.getIgnored(),
                report.getQuality(),
                report.getRejected(),
                report.getEventsChanged(),
                report.getEventsUnchanged(),
                report.getEventsRetracted(),
                new TreeMap<>(report.getDetails()),
                report.getMessage());
    }
}
