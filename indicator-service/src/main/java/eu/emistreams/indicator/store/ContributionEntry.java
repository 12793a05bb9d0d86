package eu.emistreams.indicator.store;

/**
 * A record's entry in its family's contributions store: what it contributes now, and, while its
 * change waits for the next forward of combined changes, what the aggregate holds of it.
 *
 * @param contribution what the record contributes now; null for a record retracted since the last
 *     forward (its entry stays until that forward, so that a new task can still take it back)
 * @param changedInInterval the forward interval in which the record last changed: the entry is
 *     pending while it is later than the last interval forwarded; 0 for a family that forwards each
 *     record's changes as it reads it
 * @param forwarded what the record contributed when its changes were last forwarded (null for
 *     nothing); meaningful only while the entry is pending
 */
public record ContributionEntry<C>(C contribution, long changedInInterval, C forwarded) {

    /** The entry of a family that forwards each record's changes as it reads them. */
    public static <C> ContributionEntry<C> forwardedAsRead(C contribution) {
        return new ContributionEntry<>(contribution, 0, null);
    }

    public boolean pendingAfter(long lastIntervalForwarded) {
        return changedInInterval > lastIntervalForwarded;
    }

    /** What the aggregate holds of this record once {@code lastIntervalForwarded} has been forwarded. */
    public C heldByAggregate(long lastIntervalForwarded) {
        return pendingAfter(lastIntervalForwarded) ? forwarded : contribution;
    }
}
