package eu.emistreams.indicator.topology;

import java.time.Duration;

/**
 * When the indicators of a year whose sums changed are recomputed and published: checked every
 * {@code checkInterval} (wall clock), a year is published once it has had no change for
 * {@code quietPeriod}, or, under a steady flow of changes, once it has waited {@code maxDelay}.
 * While a release of the year's source is being read ({@link IngestActivity}), the year waits for
 * the release's end instead, at most {@code maxHold} (a report left RUNNING by a lost ingest must
 * not stop publication). Recomputing a year costs the same whether one application changed or ten
 * thousand, so a bulk ingest publishes each year once instead of once per application.
 */
public record PublicationSchedule(Duration checkInterval, Duration quietPeriod, Duration maxDelay, Duration maxHold) {

    public PublicationSchedule {
        if (checkInterval.isZero() || checkInterval.isNegative()) {
            throw new IllegalArgumentException("the check interval must be positive, got " + checkInterval);
        }
        if (quietPeriod.isNegative() || maxDelay.compareTo(quietPeriod) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= quiet period <= max delay, got " + quietPeriod + " and " + maxDelay);
        }
        if (maxHold.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("need max delay <= max hold, got " + maxDelay + " and " + maxHold);
        }
    }

    /** Whether a year is due now; {@code releaseBeingRead} when its source has a release being read. */
    public boolean due(YearStatus year, long nowMs, boolean releaseBeingRead) {
        if (!year.dirty()) {
            return false;
        }
        long dirtyFor = nowMs - year.dirtySinceMs();
        if (releaseBeingRead) {
            return dirtyFor >= maxHold.toMillis();
        }
        return nowMs - year.lastChangeMs() >= quietPeriod.toMillis() || dirtyFor >= maxDelay.toMillis();
    }
}
