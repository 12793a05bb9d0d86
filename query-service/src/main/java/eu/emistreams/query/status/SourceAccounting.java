package eu.emistreams.query.status;

import eu.emistreams.events.ingest.IngestReport;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The accounting of one source. The system's state is that of the release ingested last
 * (indicators.md §4), so the top-level counts are that release's, not sums over releases; every
 * release ingested is listed, oldest first.
 */
public record SourceAccounting(
        String release,
        String status,
        long read,
        long published,
        long ignored,
        long quality,
        long rejected,
        List<ReleaseAccounting> releases) {

    /** Oldest first; releases started in the same millisecond are ordered by name. */
    static final Comparator<IngestReport> INGEST_ORDER =
            Comparator.comparingLong(IngestReport::getStartedAt).thenComparing(IngestReport::getRelease);

    /** Per source name, sorted by source. */
    public static Map<String, SourceAccounting> bySource(Collection<IngestReport> reports) {
        Map<String, List<IngestReport>> grouped = reports.stream()
                .collect(Collectors.groupingBy(IngestReport::getSource, TreeMap::new, Collectors.toList()));
        Map<String, SourceAccounting> sources = new TreeMap<>();
        grouped.forEach((source, sourceReports) -> sources.put(source, of(sourceReports)));
        return sources;
    }

    private static SourceAccounting of(List<IngestReport> reports) {
        List<IngestReport> ordered = reports.stream().sorted(INGEST_ORDER).toList();
        IngestReport latest = ordered.get(ordered.size() - 1);
        return new SourceAccounting(
                latest.getRelease(),
                latest.getStatus(),
                latest.getRead(),
                latest.getPublished(),
                latest.getIgnored(),
                latest.getQuality(),
                latest.getRejected(),
                ordered.stream().map(ReleaseAccounting::of).toList());
    }
}
