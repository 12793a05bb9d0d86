package eu.emistreams.indicator.topology;

import java.time.Duration;

/**
 * When the indicators of a year whose sums changed are recomputed and published: checked every
 * {@code checkInterval} (wall clock), a year is published once it has had no change for
 * {@code quietPeriod}, or, under a steady flow of changes, once it has waited {@code maxDelay}.
 * Recomputing a year costs the same whether one application changed or ten thousand, so a bulk
 * ingest publishes each year a few times instead of once per application.
 *
 * <p>A year that took {@code bulkChanges} changes or more since it was last published waits for
 * the longer {@code bulkQuietPeriod}. Why: during a bulk load the upstream stages commit every
 * 100 ms, so input arrives in bursts with short gaps, and a short quiet period republished every
 * year after each gap; every republication costs this service, the broker and the query service
 * a full year of indicators. A single change (an analyst's edit, a correction) still waits only
 * {@code quietPeriod}.
 */
public record PublicationSchedule(Duration checkInterval, Duration quietPeriod, Duration maxDelay, int bulkChanges,
        Duration bulkQuietPeriod) {

    /** Without a bulk rule: every year waits {@code quietPeriod}. */
    public PublicationSchedule(Duration checkInterval, Duration quietPeriod, Duration maxDelay) {
        this(checkInterval, quietPeriod, maxDelay, Integer.MAX_VALUE, quietPeriod);
    }

    public PublicationSchedule {
        if (bulkChanges < 1 || bulkQuietPeriod.compareTo(quietPeriod) < 0 || maxDelay.compareTo(bulkQuietPeriod) < 0) {
            throw new IllegalArgumentException("need bulk changes >= 1 and quiet period <= bulk quiet period <= max delay, got "
                    + bulkChanges + ", " + quietPeriod + ", " + bulkQuietPeriod + " and " + maxDelay);
        }
        if (checkInterval.isZero() || checkInterval.isNegative()) {
            throw new IllegalArgumentException("the check interval must be positive, got " + checkInterval);
        }
        if (quietPeriod.isNegative() || maxDelay.compareTo(quietPeriod) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= quiet period <= max delay, got " + quietPeriod + " and " + maxDelay);
        }
    }

    /** The quiet period a year waits after {@code changes} changes. */
    public Duration quietPeriodAfter(int changes) {
        return changes >= bulkChanges ? bulkQuietPeriod : quietPeriod;
    }
}
