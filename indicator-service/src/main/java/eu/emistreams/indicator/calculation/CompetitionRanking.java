package eu.emistreams.indicator.calculation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Standard competition ranking ("1224"): 1 is the highest value, equal values share a rank and
 * the ranks after a tie are skipped.
 */
public final class CompetitionRanking {

    private CompetitionRanking() {
    }

    /** Ranks every entry; values are compared as given, so the caller rounds them first. */
    public static <K extends Comparable<K>> Map<K, Integer> rank(Map<K, BigDecimal> values) {
        Map<K, Integer> ranks = new TreeMap<>();
        values.forEach((key, value) -> {
            int higher = 0;
            for (BigDecimal other : values.values()) {
                if (other.compareTo(value) > 0) {
                    higher++;
                }
            }
            ranks.put(key, higher + 1);
        });
        return ranks;
    }
}
