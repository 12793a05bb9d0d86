package eu.emistreams.indicator.topology;

/**
 * What the aggregate keeps per year besides its sums: the provenance of the latest record that
 * reached it, and whether its indicators must be recomputed (dirty) and since when. Times are
 * wall-clock milliseconds; {@link #CLEAN} in {@code dirtySinceMs} means nothing is pending.
 * {@code changes} counts the changes since the year became dirty: many of them mean a bulk load.
 */
public record YearStatus(String sourceRelease, String concordanceVersion, long dirtySinceMs, long lastChangeMs,
        int changes) {

    public static final long CLEAN = -1;

    public boolean dirty() {
        return dirtySinceMs != CLEAN;
    }

    /** A year nothing has reached yet. */
    public static YearStatus initial() {
        return new YearStatus(null, null, CLEAN, 0, 0);
    }

    /**
     * Due when the year has been quiet for the schedule's quiet period (its bulk quiet period after
     * many changes), or dirty for its maximum delay under a steady flow.
     */
    public boolean due(long nowMs, PublicationSchedule schedule) {
        if (!dirty()) {
            return false;
        }
        return nowMs - lastChangeMs >= schedule.quietPeriodAfter(changes).toMillis()
                || nowMs - dirtySinceMs >= schedule.maxDelay().toMillis();
    }

    public YearStatus changedAt(long nowMs) {
        return dirty()
                ? new YearStatus(sourceRelease, concordanceVersion, dirtySinceMs, nowMs, changes == Integer.MAX_VALUE ? changes : changes + 1)
                : new YearStatus(sourceRelease, concordanceVersion, nowMs, nowMs, 1);
    }

    public YearStatus withProvenance(String release, String concordance) {
        return new YearStatus(release, concordance, dirtySinceMs, lastChangeMs, changes);
    }

    public YearStatus published() {
        return new YearStatus(sourceRelease, concordanceVersion, CLEAN, lastChangeMs, 0);
    }
}
