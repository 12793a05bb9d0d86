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

    private final Map<String, Map<String, ExactFraction>> byCodeAndCountry = new HashMap<>();

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
