package eu.emistreams.query.factsheet;

import eu.emistreams.query.serving.IndicatorRevision;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last release of one source changed among a country's fact sheet values: the fact sheet's
 * "What changed with the last release" section. A pure function of the rows and the release, so that
 * the rule is tested without a broker; {@code GET /api/revisions} lists the same values in full.
 *
 * <p>A value counts when the release is the one that last changed it (its provenance names it, as in
 * {@link IndicatorRevision}): {@code revised} when it replaced a different value, {@code added} when
 * it was published for the first time. The table shows the {@code limit} largest revisions by
 * relative change, |new - old| / max(|old|, |new|), so that ranks, percentages and dollars are
 * compared on one scale; ties go in the order of {@code /api/indicators}. A value the release
 * retracted has no row left to show, and is not counted.
 *
 * @param release the source's release ingested last, empty when none was
 * @param status its ingest status ({@code COMPLETED}, {@code RUNNING}...)
 * @param largest the largest revisions, at most {@code limit}
 */
public record ReleaseChanges(DataSource source, Optional<String> release, String status, int revised, int added,
        List<IndicatorRevision> largest) {

    public ReleaseChanges {
        largest = List.copyOf(largest);
    }

    /** No release of the source was ingested. */
    public static ReleaseChanges none(DataSource source) {
        return new ReleaseChanges(source, Optional.empty(), "", 0, 0, List.of());
    }

    /**
     * @param rows the country's values, of any source: only {@code source}'s count
     * @param release the source's release ingested last
     */
    public static ReleaseChanges of(DataSource source, String release, String status,
            List<IndicatorRowWithProvenance> rows, int limit) {
        int added = 0;
        List<IndicatorRevision> revisions = new ArrayList<>();
        for (IndicatorRowWithProvenance row : rows) {
            if (DataSource.of(row.indicator()) != source) {
                continue;
            }
            // Empty unless the release is the one that last changed the value.
            Optional<IndicatorRevision> revision = IndicatorRevision.of(row, release);
            if (revision.isEmpty()) {
                continue;
            }
            if (revision.get().previous() == null) {
                added++;
            } else if (revision.get().difference() != 0) {
                revisions.add(revision.get());
            }
        }
        List<IndicatorRevision> largest = revisions.stream()
                .sorted(Comparator.comparingDouble(ReleaseChanges::relativeChange).reversed()
                        .thenComparing(IndicatorRevision.ORDER))
                .limit(Math.max(0, limit))
                .toList();
        return new ReleaseChanges(source, Optional.of(release), status, revisions.size(), added, largest);
    }

    /** |new - old| / max(|old|, |new|): 1 for a value from or to 0, in [0, 2] otherwise. */
    static double relativeChange(IndicatorRevision revision) {
        double scale = Math.max(Math.abs(revision.previous()), Math.abs(revision.value()));
        return scale == 0 ? 0 : Math.abs(revision.difference()) / scale;
    }

    /** One entry per source, in the order of {@link DataSource}, from the latest release of each. */
    public static List<ReleaseChanges> bySource(Map<DataSource, LastRelease> lastReleases,
            List<IndicatorRowWithProvenance> rows, int limit) {
        List<ReleaseChanges> changes = new ArrayList<>();
        for (DataSource source : DataSource.values()) {
            LastRelease last = lastReleases.get(source);
            changes.add(last == null ? none(source) : of(source, last.release(), last.status(), rows, limit));
        }
        return List.copyOf(changes);
    }

    /** A source's release ingested last and the status of its ingest. */
    public record LastRelease(String release, String status) {
    }
}
