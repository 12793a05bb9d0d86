package eu.emistreams.indicator.topology;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The change one classified record makes to the exact sums of one year of a trade, production or
 * investment source: per sum key {@code code|country|measure}, the record's new amount minus its
 * previous one (only non-zero changes). {@code counts} tells whether the record counts in the year
 * after the change, and then {@code sourceRelease} and {@code concordanceVersion} are its own. It
 * travels on the internal repartition topic keyed by year.
 */
public record SumDelta(int year, SortedMap<String, BigDecimal> changes, boolean counts, String sourceRelease,
        String concordanceVersion) {

    public SumDelta {
        changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
    }
}
