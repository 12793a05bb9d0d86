package eu.emistreams.indicator.calculation;

import eu.emistreams.events.codes.EmiCodes;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The exact sums of one year of a trade, production or investment source, per code (or
 * {@link #ALL_CODES}), country and measure (exports, production value, rounds...). Each sum is
 * the exact decimal value of the doubles added, so retracting exactly what was added leaves no
 * residue. Absent entries are 0.
 */
public final class DecimalYearSums {

    /** The code under which sums over all records, tagged or not, are kept. */
    public static final String ALL_CODES = "*";

    private static final String SEPARATOR = "|";

    private final Map<String, BigDecimal> sums = new HashMap<>();

    /** The key of a sum within its year: {@code code|country|measure}. */
    public static String key(String code, String country, String measure) {
        return code + SEPARATOR + country + SEPARATOR + measure;
    }

    /** The sums of a year as stored under their {@link #key}s. */
    public static DecimalYearSums ofStored(Map<String, BigDecimal> stored) {
        DecimalYearSums sums = new DecimalYearSums();
        stored.forEach(sums::put);
        return sums;
    }

    /** Adds a sum read back under its {@link #key}. */
    public void put(String key, BigDecimal sum) {
        sums.put(key, sum);
    }

    public void put(String code, String country, String measure, BigDecimal sum) {
        put(key(code, country, measure), sum);
    }

    public BigDecimal get(String code, String country, String measure) {
        return sums.getOrDefault(key(code, country, measure), BigDecimal.ZERO);
    }

    /** The sum of {@code measure} under {@code code} over the 27 members (absent ones are 0), exactly. */
    public BigDecimal sumOverEu27(String code, String measure) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String member : EmiCodes.EU27) {
            sum = sum.add(get(code, member, measure));
        }
        return sum;
    }

    /** The countries whose sum of {@code measure} under {@code code} is not 0, sorted. */
    public SortedSet<String> countriesWith(String code, String measure) {
        SortedSet<String> countries = new TreeSet<>();
        sums.forEach((key, sum) -> {
            String[] parts = key.split("\\" + SEPARATOR, -1);
            if (parts.length == 3 && parts[0].equals(code) && parts[2].equals(measure) && sum.signum() != 0) {
                countries.add(parts[1]);
            }
        });
        return countries;
    }

    public boolean isEmpty() {
        return sums.isEmpty();
    }
}
