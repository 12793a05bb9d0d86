package eu.emistreams.indicator.source;

import java.util.Map;
import java.util.SortedSet;

/**
 * What one classified record adds to the exact sums of the years it counts in, summed in the
 * measure {@code M} of its indicators, and where it came from (the provenance of indicators).
 * The contribution stage keeps the last one of every record, so that an upsert or a tombstone
 * takes it away again.
 */
public interface Contribution<M> {

    /** The years whose sums the record adds to; at least one. */
    SortedSet<Integer> years();

    /** What it adds to each sum of {@code year}, by sum key ({@code code|country...}); empty outside {@link #years()}. */
    Map<String, M> amounts(int year);

    String sourceRelease();

    String concordanceVersion();
}
