package eu.emistreams.indicator.source;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one trade row, production observation or funding round adds to the exact sums of the
 * years it counts in ({@code years}: one, or for investment also the multi-year total): an amount
 * per sum key {@code code|country|measure}. Amounts are the exact decimal values of the record's
 * doubles, kept without trailing zeros so that equal records give equal contributions. It also
 * carries where it came from, for the provenance of indicators.
 */
public record SumContribution(
        SortedSet<Integer> years,
        SortedMap<String, BigDecimal> amounts,
        String sourceRelease,
        String concordanceVersion) implements Contribution<BigDecimal> {

    public SumContribution {
        if (years.isEmpty()) {
            throw new IllegalArgumentException("a contribution counts in at least one year");
        }
        years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
        SortedMap<String, BigDecimal> canonical = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> amount : amounts.entrySet()) {
            if (amount.getValue().signum() != 0) {
                canonical.put(amount.getKey(), amount.getValue().stripTrailingZeros());
            }
        }
        amounts = Collections.unmodifiableSortedMap(canonical);
    }

    @Override
    public Map<String, BigDecimal> amounts(int year) {
        return years.contains(year) ? amounts : Map.of();
    }
}
