package eu.emistreams.indicator.calculation;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The exact sums P(c, k, y) of one year y: per code (or {@link #ALL_CODES}) and per country (or
 * {@link #WORLD}, see {@link #addWorldTotals()}). Absent entries are 0.
 */
public final class YearSums {

    /** The code under which P(c, *, y), the weight over all counted applications, is kept. */
    public static final String ALL_CODES = "*";
    /** The country under which P(W, k, y), the weight of all countries ZZ included, is kept. */
    public static final String WORLD = "W";

    private static final String SEPARATOR = "|";

    private final Map<String, Map<String, ExactFraction>> byCodeAndCountry = new HashMap<>();

    /** The key of a sum within its year: {@code code|country}. */
    public static String key(String code, String country) {
        return code + SEPARATOR + country;
    }

    /**
     * The sums of a year as stored under their {@link #key}s, world totals added. {@link #WORLD}
     * entries written by earlier versions are ignored: the world's sums are derived.
     */
    public static YearSums ofStored(Map<String, ExactFraction> stored) {
        YearSums sums = new YearSums();
        stored.forEach((key, sum) -> {
            String[] parts = key.split("\\" + SEPARATOR);
            if (!WORLD.equals(parts[1])) {
                sums.put(parts[0], parts[1], sum);
            }
        });
        sums.addWorldTotals();
        return sums;
    }

    public void put(String code, String country, ExactFraction sum) {
        byCodeAndCountry.computeIfAbsent(code, c -> new HashMap<>()).put(country, sum);
    }

    public ExactFraction get(String code, String country) {
        return byCodeAndCountry.getOrDefault(code, Map.of()).getOrDefault(country, ExactFraction.ZERO);
    }

    /** The sums of one code per country, {@link #WORLD} included. */
    public Map<String, ExactFraction> ofCode(String code) {
        return Collections.unmodifiableMap(byCodeAndCountry.getOrDefault(code, Map.of()));
    }

    /**
     * Sets every code's {@link #WORLD} sum to the sum of its countries' (ZZ included). An
     * application's weights over its countries add up to exactly 1, so this is the weight of all
     * applications of the code, without keeping a sum that every application would update.
     */
    public void addWorldTotals() {
        byCodeAndCountry.values().forEach(byCountry -> {
            ExactFraction world = ExactFraction.ZERO;
            for (Map.Entry<String, ExactFraction> sum : byCountry.entrySet()) {
                if (!WORLD.equals(sum.getKey())) {
                    world = world.plus(sum.getValue());
                }
            }
            byCountry.put(WORLD, world);
        });
    }

    /** The number of counted applications of the year: each one carries a total weight of 1. */
    public ExactFraction applications() {
        return get(ALL_CODES, WORLD);
    }
}
