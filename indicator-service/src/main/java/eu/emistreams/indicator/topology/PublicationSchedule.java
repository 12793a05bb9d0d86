package eu.emistreams.indicator.topology;

import java.time.Duration;

/**
 * When the indicators of a year whose sums changed are recomputed and published: checked every
 * {@code checkInterval} (wall clock), a year is published once it has had no change for
 * {@code quietPeriod}, or, under a steady flow of changes, once it has waited {@code maxDelay}.
 * Recomputing a year costs the same whether one application changed or ten thousand, so a bulk
 * ingest publishes each year a few times instead of once per application.
 */
public record PublicationSchedule(Duration checkInterval, Duration quietPeriod, Duration maxDelay) {

    public PublicationSchedule {
        if (checkInterval.isZero() || checkInterval.isNegative()) {
            throw new IllegalArgumentException("the check interval must be positive, got " + checkInterval);
        }
        if (quietPeriod.isNegative() || maxDelay.compareTo(quietPeriod) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= quiet period <= max delay, got " + quietPeriod + " and " + maxDelay);
        }
    }
}
