package eu.emistreams.indicator.store;

/**
 * The keys of a combining contribution task's intervals store (one store per task): records read
 * wait to be forwarded to the aggregate while {@link #CHANGED} is later than {@link #FORWARDED}.
 */
public final class ContributionIntervals {

    /** The last forward interval whose combined changes were forwarded (absent: 0). */
    public static final String FORWARDED = "forwarded";
    /** The last forward interval in which a record changed (absent: 0). */
    public static final String CHANGED = "changed";

    private ContributionIntervals() {
    }
}
