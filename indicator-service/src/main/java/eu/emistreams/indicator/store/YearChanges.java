package eu.emistreams.indicator.store;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the contribution stage changed in the sums of one year, in the measure {@code M}: per sum
 * key, the amount added (negative: taken away), changes that cancelled out left out, in key order. {@code counts}
 * tells whether a contribution counting in the year was added, and then {@code sourceRelease} and
 * {@code concordanceVersion} are those of the last one added (null otherwise). It travels on the
 * internal repartition topic keyed by year.
 */
public record YearChanges<M>(int year, Map<String, M> changes, boolean counts, String sourceRelease,
        String concordanceVersion) {

    public YearChanges {
        changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
    }
}
