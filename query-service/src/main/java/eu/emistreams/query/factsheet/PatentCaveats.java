package eu.emistreams.query.factsheet;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What limits the conclusions a fact sheet draws from its patent data (issue 15): the provisional
 * priority years ({@code serving.ProvisionalYears}), the smallest base a trend may start from
 * ({@code emi.query.highlights.min-base-count}) with the country's fractional counts to check it, and the
 * EU27 ranks of the latest year that is not provisional, for rank statements while the figures' year is.
 *
 * @param counts patent.count of the country per code and year, over the trend window
 * @param settledYear the latest year with EU27 ranks that is not provisional
 * @param settledRanks the EU27 ranks of {@code settledYear}
 */
public record PatentCaveats(SortedSet<Integer> provisionalYears, double minBaseCount,
        Map<String, SortedMap<Integer, Double>> counts, OptionalInt settledYear, Map<String, Integer> settledRanks) {

    /** No year provisional, no minimum base: the figures and sentences as before issue 15. */
    public static final PatentCaveats NONE =
            new PatentCaveats(new TreeSet<>(), 0, Map.of(), OptionalInt.empty(), Map.of());

    public PatentCaveats {
        provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
        counts = Map.copyOf(counts);
        settledRanks = Map.copyOf(settledRanks);
    }

    public boolean isProvisional(int year) {
        return provisionalYears.contains(year);
    }

    public boolean isProvisional(OptionalInt year) {
        return year.isPresent() && isProvisional(year.getAsInt());
    }

    /** The series without its provisional years: what a trend may be drawn from. */
    public SortedMap<Integer, Double> settled(SortedMap<Integer, Double> series) {
        SortedMap<Integer, Double> settled = new TreeMap<>(series);
        provisionalYears.forEach(settled::remove);
        return settled;
    }

    /**
     * Whether the country's fractional count of {@code code} in {@code year} is at least
     * {@link #minBaseCount()}; always true without a minimum, false for a count not known.
     */
    public boolean hasBase(String code, int year) {
        if (minBaseCount <= 0) {
            return true;
        }
        SortedMap<Integer, Double> series = counts.get(code);
        Double count = series == null ? null : series.get(year);
        return count != null && count >= minBaseCount;
    }

    /** "2021 and 2022", the provisional years for a note. */
    public String provisionalYearsText() {
        return Numbers.joinNames(provisionalYears.stream().map(String::valueOf).toList());
    }
}
