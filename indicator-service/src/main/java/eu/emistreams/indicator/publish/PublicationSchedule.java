package eu.emistreams.indicator.publish;

import eu.emistreams.indicator.store.YearStatus;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When the indicators of a year whose sums changed are recomputed and published: checked every
 * {@code checkInterval} (wall clock), a year is published once it has had no change for
 * {@code quietPeriod}, or, under a steady flow of changes, once it has waited {@code maxDelay}.
 * While its source is busy upstream — a release being read ({@link IngestActivity}) or more
 * records than a threshold waiting before this stage ({@code backlogged}, by source name) — the
 * year waits for the end instead, at most {@code maxHold} (a report left RUNNING by a lost ingest
 * must not stop publication). Recomputing a year costs the same whether one application changed
 * or ten thousand, so a bulk ingest publishes each year once instead of once per application.
 *
 * <p>Before that, a contribution stage that combines its changes (the patents') forwards them to
 * the aggregate every {@code forwardInterval} (wall clock).
 */
public record PublicationSchedule(Duration forwardInterval, Duration checkInterval, Duration quietPeriod,
        Duration maxDelay, Duration maxHold, Predicate<String> backlogged) {

    /** A schedule that never sees a backlog upstream (topology tests, where nothing is upstream). */
    public PublicationSchedule(Duration forwardInterval, Duration checkInterval, Duration quietPeriod,
            Duration maxDelay, Duration maxHold) {
        this(forwardInterval, checkInterval, quietPeriod, maxDelay, maxHold, source -> false);
    }

    /** As above, the changes forwarded at the check interval. */
    public PublicationSchedule(Duration checkInterval, Duration quietPeriod, Duration maxDelay, Duration maxHold) {
        this(checkInterval, checkInterval, quietPeriod, maxDelay, maxHold);
    }

    public PublicationSchedule {
        if (forwardInterval.isZero() || forwardInterval.isNegative()) {
            throw new IllegalArgumentException("the forward interval must be positive, got " + forwardInterval);
        }
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

    /**
     * Whether {@code source} is busy upstream: a release of it being read (its reports in the
     * {@link IngestActivity} store) or a backlog of its records.
     */
    public boolean sourceBusy(KeyValueStore<String, String> ingestActivity, String source) {
        return IngestActivity.reading(ingestActivity, source) || backlogged.test(source);
    }

    /** Whether a year is due now; {@code sourceBusy} while its source is busy upstream. */
    public boolean due(YearStatus year, long nowMs, boolean sourceBusy) {
        if (!year.dirty()) {
            return false;
        }
        long dirtyFor = nowMs - year.dirtySinceMs();
        if (sourceBusy) {
            return dirtyFor >= maxHold.toMillis();
        }
        return nowMs - year.lastChangeMs() >= quietPeriod.toMillis() || dirtyFor >= maxDelay.toMillis();
    }
}
