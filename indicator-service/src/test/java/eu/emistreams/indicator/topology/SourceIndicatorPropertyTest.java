package eu.emistreams.indicator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.indicator.store.StateStoreKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random upserts and retractions of trade rows, production observations and funding rounds, in
 * random order and with publications in between, must end with exactly the indicators of the final
 * set of records. The expected indicators come from references written straight from
 * {@code indicators.md} §5-§7 and the choices of {@code docs/indicators-implementation.md} here,
 * sharing no code with production. Values are tenths, whose doubles drift when summed and
 * retracted in floating point: sums must match the exact sum of the final records to the last bit.
 */
class SourceIndicatorPropertyTest {

    private static final List<String> EU27 = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
    private static final List<String> CODES = List.of(
            "AERO", "AGRI", "CONS", "CCI", "DIGI", "ELEC", "EII", "REN", "HEAL", "MOB", "PROX", "RETA", "TEXT", "TOUR",
            "G.AMN", "G.BIO", "G.ESE", "G.REN", "G.REN.SOLAR", "G.REN.WIND", "G.REN.OTHER",
            "D.AMR", "D.AMR.AM", "D.AMR.ROB", "D.AI", "D.BD", "D.SEC", "D.MOB", "D.IOT",
            "D.MNP", "D.MNP.MNE", "D.MNP.PHO");
    private static final List<String> COUNTRY_POOL = List.of("BE", "BE", "DE", "FR", "NL", "MT", "US", "CN", "ZZ");
    // Children sometimes arrive without their parent; the contract says the parent counts anyway.
    private static final List<String> CODE_POOL = List.of(
            "AGRI", "ELEC", "REN", "G.REN", "G.REN.SOLAR", "G.REN.WIND", "D.AI", "D.MNP.PHO", "G.BIO");
    private static final int STEPS = 300;
    private static final int KEYS = 30;
    /** Ratios go through a division: compared to 12 significant digits. */
    private static final double RATIO_TOLERANCE = 1e-12;

    private record Trade(String country, int year, String flow, double value, List<String> codes) {
    }

    private record Production(String country, int year, double value, List<String> codes) {
    }

    private record Round(String country, Integer year, boolean peVc, Double amount, List<String> codes) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void tradeEndsWithTheIndicatorsOfTheFinalRows(long seed) {
        Random random = new Random(seed);
        Map<String, Trade> finalSet = new HashMap<>();
        try (IndicatorTopologyHarness topology = new IndicatorTopologyHarness(StateStoreKind.IN_MEMORY)) {
            run(random, topology, key -> {
                topology.retractTrade(key);
                finalSet.remove(key);
            }, key -> {
                Trade row = new Trade(pick(random, COUNTRY_POOL), 2019 + random.nextInt(3),
                        random.nextInt(12) == 0 ? "RX" : random.nextBoolean() ? "X" : "M", tenths(random),
                        codes(random));
                topology.trade(key, row.country(), row.year(), row.flow(), row.value(), row.codes(),
                        "T" + random.nextInt(3));
                finalSet.put(key, row);
            });
            assertSameIndicators(tradeReference(finalSet), topology.compacted(), "trade.", Set.of("trade.exports",
                    "trade.imports", "trade.eu27_rank"));

            // Re-sending the final set under another release (a re-ingest) publishes nothing.
            finalSet.forEach((key, row) -> topology.trade(key, row.country(), row.year(), row.flow(), row.value(),
                    row.codes(), "T9"));
            assertEquals(List.of(), topology.settle());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void productionEndsWithTheIndicatorsOfTheFinalObservations(long seed) {
        Random random = new Random(seed);
        Map<String, Production> finalSet = new HashMap<>();
        try (IndicatorTopologyHarness topology = new IndicatorTopologyHarness(StateStoreKind.IN_MEMORY)) {
            run(random, topology, key -> {
                topology.retractProduction(key);
                finalSet.remove(key);
            }, key -> {
                Production observation = new Production(pick(random, COUNTRY_POOL), 2019 + random.nextInt(3),
                        tenths(random), codes(random));
                topology.production(key, observation.country(), observation.year(), observation.value(),
                        observation.codes(), "P" + random.nextInt(3));
                finalSet.put(key, observation);
            });
            assertSameIndicators(productionReference(finalSet), topology.compacted(), "production.",
                    Set.of("production.value"));

            finalSet.forEach((key, o) -> topology.production(key, o.country(), o.year(), o.value(), o.codes(), "P9"));
            assertEquals(List.of(), topology.settle());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void investmentEndsWithTheIndicatorsOfTheFinalRounds(long seed) {
        Random random = new Random(seed);
        List<Integer> years = new ArrayList<>(List.of(2014, 2015, 2023, 2024));
        years.add(null);
        Map<String, Round> finalSet = new HashMap<>();
        try (IndicatorTopologyHarness topology = new IndicatorTopologyHarness(StateStoreKind.IN_MEMORY)) {
            run(random, topology, key -> {
                topology.retractRound(key);
                finalSet.remove(key);
            }, key -> {
                Round round = new Round(pick(random, COUNTRY_POOL), pick(random, years), random.nextInt(5) > 0,
                        random.nextInt(4) == 0 ? null : tenths(random), codes(random));
                topology.round(key, round.country(), round.year(), round.peVc() ? "seed" : "grant", round.peVc(),
                        round.amount(), round.codes(), "C" + random.nextInt(3));
                finalSet.put(key, round);
            });
            assertSameIndicators(investmentReference(finalSet), topology.compacted(), "investment.",
                    Set.of("investment.pe_vc_usd", "investment.rounds"));

            finalSet.forEach((key, r) -> topology.round(key, r.country(), r.year(), r.peVc() ? "seed" : "grant",
                    r.peVc(), r.amount(), r.codes(), "C9"));
            assertEquals(List.of(), topology.settle());
        }
    }

    private static void run(Random random, IndicatorTopologyHarness topology, Consumer<String> retract,
            Consumer<String> upsert) {
        for (int step = 0; step < STEPS; step++) {
            String key = "k" + random.nextInt(KEYS);
            if (random.nextInt(4) == 0) {
                retract.accept(key);
            } else {
                upsert.accept(key);
            }
            if (random.nextInt(20) == 0) {
                topology.advance(Duration.ofMillis(random.nextInt(1200)));
            }
        }
        topology.settle();
    }

    private static <T> T pick(Random random, List<T> pool) {
        return pool.get(random.nextInt(pool.size()));
    }

    private static double tenths(Random random) {
        return random.nextInt(1_000_000) / 10.0;
    }

    private static List<String> codes(Random random) {
        Set<String> codes = new TreeSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            codes.add(pick(random, CODE_POOL));
        }
        return List.copyOf(codes);
    }

    /**
     * Same keys; sums ({@code exact}) equal to the last bit, ranks exactly, ratios to 12 digits.
     */
    private static void assertSameIndicators(Map<String, Double> expected, Map<IndicatorKey, IndicatorValue> published,
            String family, Set<String> exact) {
        Map<String, Double> actual = new TreeMap<>();
        published.forEach((k, v) -> {
            if (k.getIndicator().startsWith(family)) {
                actual.put(key(k.getIndicator(), k.getCountry(), k.getCode(), k.getYear()), v.getValue());
            }
        });
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        Set<String> unexpected = new TreeSet<>(actual.keySet());
        unexpected.removeAll(expected.keySet());
        assertTrue(missing.isEmpty() && unexpected.isEmpty(), () -> missing.size() + " missing, e.g. "
                + missing.stream().limit(5).toList() + "; " + unexpected.size() + " unexpected, e.g. "
                + unexpected.stream().limit(5).toList());
        assertTrue(expected.size() > 300, "the random records produce indicators: " + expected.size());
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            String indicator = e.getKey().substring(0, e.getKey().indexOf('|'));
            double tolerance = exact.contains(indicator) ? 0.0 : RATIO_TOLERANCE * Math.max(1, Math.abs(e.getValue()));
            assertEquals(e.getValue(), actual.get(e.getKey()), tolerance, e.getKey());
        }
    }

    // ---- the references, from the contract ----

    private static Set<String> tags(List<String> codes) {
        Set<String> tags = new TreeSet<>();
        for (String code : codes) {
            tags.add(code);
            if (code.chars().filter(ch -> ch == '.').count() == 2) {
                tags.add(code.substring(0, code.lastIndexOf('.')));
            }
        }
        return tags;
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a.add(b);
    }

    private static double percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? 0.0
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, MathContext.DECIMAL128).doubleValue();
    }

    private static Map<String, Double> tradeReference(Map<String, Trade> rows) {
        Map<String, Double> indicators = new TreeMap<>();
        Map<Integer, List<Trade>> byYear = new TreeMap<>();
        rows.values().stream().filter(r -> r.flow().equals("X") || r.flow().equals("M"))
                .forEach(r -> byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r));
        byYear.forEach((year, yearRows) -> {
            Set<String> reporters = new TreeSet<>();
            yearRows.forEach(r -> reporters.add(r.country()));
            if (reporters.stream().anyMatch(EU27::contains)) {
                reporters.add("EU27");
            }
            for (String code : CODES) {
                Map<String, BigDecimal> euBalances = new HashMap<>();
                for (String country : reporters) {
                    BigDecimal exports = BigDecimal.ZERO;
                    BigDecimal imports = BigDecimal.ZERO;
                    for (Trade r : yearRows) {
                        if (in(r.country(), country) && tags(r.codes()).contains(code)) {
                            if (r.flow().equals("X")) {
                                exports = sum(exports, new BigDecimal(r.value()));
                            } else {
                                imports = sum(imports, new BigDecimal(r.value()));
                            }
                        }
                    }
                    indicators.put(key("trade.exports", country, code, year), exports.doubleValue());
                    indicators.put(key("trade.imports", country, code, year), imports.doubleValue());
                    BigDecimal total = exports.add(imports);
                    if (total.signum() != 0) {
                        BigDecimal difference = exports.subtract(imports).multiply(BigDecimal.valueOf(100));
                        indicators.put(key("trade.balance", country, code, year),
                                difference.divide(total, MathContext.DECIMAL128).doubleValue());
                        if (EU27.contains(country)) {
                            euBalances.put(country, difference.divide(total, 9, RoundingMode.HALF_UP));
                        }
                    }
                }
                euBalances.forEach((country, balance) -> {
                    long higher = euBalances.values().stream().filter(v -> v.compareTo(balance) > 0).count();
                    indicators.put(key("trade.eu27_rank", country, code, year), (double) (higher + 1));
                });
            }
        });
        return indicators;
    }

    private static Map<String, Double> productionReference(Map<String, Production> observations) {
        Map<String, Double> indicators = new TreeMap<>();
        Map<Integer, List<Production>> byYear = new TreeMap<>();
        observations.values().forEach(o -> byYear.computeIfAbsent(o.year(), y -> new ArrayList<>()).add(o));
        byYear.forEach((year, yearObservations) -> {
            Set<String> reporters = new TreeSet<>();
            Map<String, BigDecimal> allProducts = new HashMap<>();
            for (Production o : yearObservations) {
                reporters.add(o.country());
                allProducts.merge(o.country(), new BigDecimal(o.value()), BigDecimal::add);
                if (EU27.contains(o.country())) {
                    reporters.add("EU27");
                    allProducts.merge("EU27", new BigDecimal(o.value()), BigDecimal::add);
                }
            }
            for (String code : CODES) {
                Map<String, BigDecimal> values = new HashMap<>();
                for (Production o : yearObservations) {
                    if (tags(o.codes()).contains(code)) {
                        values.merge(o.country(), new BigDecimal(o.value()), BigDecimal::add);
                        if (EU27.contains(o.country())) {
                            values.merge("EU27", new BigDecimal(o.value()), BigDecimal::add);
                        }
                    }
                }
                BigDecimal euTotal = BigDecimal.ZERO;
                for (String country : reporters) {
                    if (EU27.contains(country)) {
                        euTotal = euTotal.add(values.getOrDefault(country, BigDecimal.ZERO));
                    }
                }
                for (String country : reporters) {
                    BigDecimal value = values.getOrDefault(country, BigDecimal.ZERO);
                    indicators.put(key("production.value", country, code, year), value.doubleValue());
                    indicators.put(key("production.tech_share", country, code, year),
                            percent(value, allProducts.get(country)));
                    if (EU27.contains(country)) {
                        indicators.put(key("production.eu_share", country, code, year), percent(value, euTotal));
                    }
                }
            }
        });
        return indicators;
    }

    private static Map<String, Double> investmentReference(Map<String, Round> rounds) {
        Map<String, Double> indicators = new TreeMap<>();
        Map<Integer, List<Round>> byYear = new TreeMap<>();
        for (Round r : rounds.values()) {
            if (!r.peVc() || r.year() == null) {
                continue;
            }
            byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r);
            if (r.year() >= 2015 && r.year() <= 2023) {
                byYear.computeIfAbsent(0, y -> new ArrayList<>()).add(r);
            }
        }
        byYear.forEach((year, yearRounds) -> {
            Set<String> countries = new TreeSet<>(EU27);
            countries.addAll(List.of("US", "CN", "JP", "KR", "EU27"));
            yearRounds.forEach(r -> countries.add(r.country()));
            for (String code : CODES) {
                for (String country : countries) {
                    BigDecimal usd = BigDecimal.ZERO;
                    int count = 0;
                    for (Round r : yearRounds) {
                        if (in(r.country(), country) && tags(r.codes()).contains(code)) {
                            count++;
                            if (r.amount() != null) {
                                usd = usd.add(new BigDecimal(r.amount()));
                            }
                        }
                    }
                    indicators.put(key("investment.pe_vc_usd", country, code, year), usd.doubleValue());
                    indicators.put(key("investment.rounds", country, code, year), (double) count);
                }
            }
        });
        return indicators;
    }

    /** Whether a record of {@code country} counts for {@code economy}: the country itself, or EU27 for a member. */
    private static boolean in(String country, String economy) {
        return country.equals(economy) || (economy.equals("EU27") && EU27.contains(country));
    }

    private static String key(String indicator, String country, String code, int year) {
        return indicator + "|" + country + "|" + code + "|" + year;
    }
}
