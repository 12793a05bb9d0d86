package eu.emistreams.indicator.store;

/**
 * What the aggregate keeps per year besides its sums: the provenance of the latest record that
 * reached it, and whether its indicators must be recomputed (dirty) and since when. Times are
 * wall-clock milliseconds; {@link #CLEAN} in {@code dirtySinceMs} means nothing is pending.
 */
public record YearStatus(String sourceRelease, String concordanceVersion, long dirtySinceMs, long lastChangeMs) {

    public static final long CLEAN = -1;

    public boolean dirty() {
        return dirtySinceMs != CLEAN;
    }

    /** A year nothing has reached yet. */
    public static YearStatus initial() {
        return new YearStatus(null, null, CLEAN, 0);
    }

    public YearStatus changedAt(long nowMs) {
        return new YearStatus(sourceRelease, concordanceVersion, dirty() ? dirtySinceMs : nowMs, nowMs);
    }

    public YearStatus withProvenance(String release, String concordance) {
        return new YearStatus(release, concordance, dirtySinceMs, lastChangeMs);
    }

    public YearStatus published() {
        return new YearStatus(sourceRelease, concordanceVersion, CLEAN, lastChangeMs);
    }
}
