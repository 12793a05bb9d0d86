package eu.emistreams.indicator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.indicator.store.StateStoreKind;
import java.math.BigDecimal;
import java.math.BigInteger;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random upserts and retractions, in random order and with publications in between, must end with
 * exactly the indicators of the final set of applications. The expected indicators come from a
 * reference written straight from {@code indicators.md} §3 here, sharing no code with production.
 * In-memory stores: TopologyTestDriver commits after every record, and a RocksDB flush per commit
 * would make thousands of steps take minutes; the RocksDB path is covered by the other topology test.
 */
class PatentIndicatorPropertyTest {

    private static final List<String> EU27 = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
    private static final List<String> CODES = List.of(
            "AERO", "AGRI", "CONS", "CCI", "DIGI", "ELEC", "EII", "REN", "HEAL", "MOB", "PROX", "RETA", "TEXT", "TOUR",
            "G.AMN", "G.BIO", "G.ESE", "G.REN", "G.REN.SOLAR", "G.REN.WIND", "G.REN.OTHER",
            "D.AMR", "D.AMR.AM", "D.AMR.ROB", "D.AI", "D.BD", "D.SEC", "D.MOB", "D.IOT",
            "D.MNP", "D.MNP.MNE", "D.MNP.PHO");

    private static final List<String> COUNTRY_POOL = List.of("BE", "BE", "DE", "FR", "NL", "MT", "US", "CN", "JP", "ZZ");
    // Children sometimes arrive without their parent; the contract says the parent counts anyway.
    private static final List<String> CODE_POOL = List.of(
            "AGRI", "DIGI", "REN", "G.REN", "G.REN.SOLAR", "G.REN.WIND", "D.AI", "D.AMR.ROB", "D.MNP.PHO", "G.BIO");
    private static final List<Integer> YEARS = List.of(2018, 2019, 2020, 9999);

    private record Application(int year, List<String> countries, List<String> codes) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void anyOrderOfUpsertsAndRetractionsEndsWithTheIndicatorsOfTheFinalSet(long seed) {
        Random random = new Random(seed);
        Map<Long, Application> finalSet = new HashMap<>();
        try (IndicatorTopologyHarness topology = new IndicatorTopologyHarness(StateStoreKind.IN_MEMORY)) {
            for (int step = 0; step < 400; step++) {
                long id = random.nextInt(40);
                if (random.nextInt(10) < 3) {
                    topology.retractPatent(id);
                    finalSet.remove(id);
                } else {
                    Application app = randomApplication(random);
                    topology.patent(id, app.year(), app.countries(), app.codes(),
                            "R" + random.nextInt(3), "c" + random.nextInt(2));
                    finalSet.put(id, app);
                }
                if (random.nextInt(20) == 0) {
                    topology.advance(Duration.ofMillis(random.nextInt(1200)));
                }
            }
            topology.settle();

            Map<String, Double> expected = reference(finalSet);
            Map<String, Double> actual = new TreeMap<>();
            for (Map.Entry<IndicatorKey, IndicatorValue> e : topology.compacted().entrySet()) {
                actual.put(key(e.getKey().getIndicator(), e.getKey().getCountry(), e.getKey().getCode(),
                        e.getKey().getYear()), e.getValue().getValue());
            }
            assertSameKeys(expected.keySet(), actual.keySet());
            for (Map.Entry<String, Double> e : expected.entrySet()) {
                assertEquals(e.getValue(), actual.get(e.getKey()), 1e-12 * Math.max(1, Math.abs(e.getValue())),
                        e.getKey());
            }

            // Re-sending the final set (a re-ingest) publishes nothing.
            finalSet.forEach((id, app) -> topology.patent(id, app.year(), app.countries(), app.codes(), "R9", "c9"));
            assertEquals(List.of(), topology.settle());
        }
    }

    private static void assertSameKeys(Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        assertTrue(missing.isEmpty() && unexpected.isEmpty(), () -> missing.size() + " missing, e.g. "
                + missing.stream().limit(5).toList() + "; " + unexpected.size() + " unexpected, e.g. "
                + unexpected.stream().limit(5).toList());
    }

    private static Application randomApplication(Random random) {
        List<String> countries = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            countries.add(COUNTRY_POOL.get(random.nextInt(COUNTRY_POOL.size())));
        }
        Set<String> codes = new TreeSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            codes.add(CODE_POOL.get(random.nextInt(CODE_POOL.size())));
        }
        return new Application(YEARS.get(random.nextInt(YEARS.size())), countries, List.copyOf(codes));
    }

    // ---- the reference, from the contract ----

    /** An exact rational, kept here so that the reference shares nothing with production. */
    private record Q(BigInteger n, BigInteger d) {
        static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);

        static Q of(long n, long d) {
            return new Q(BigInteger.valueOf(n), BigInteger.valueOf(d));
        }

        Q add(Q o) {
            return new Q(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
        }

        Q share(Q whole) {
            return whole.n.signum() == 0 ? ZERO : new Q(n.multiply(BigInteger.valueOf(100)).multiply(whole.d),
                    d.multiply(whole.n));
        }

        BigDecimal round9() {
            return new BigDecimal(n).divide(new BigDecimal(d), 9, RoundingMode.HALF_UP);
        }

        double toDouble() {
            return new BigDecimal(n).divide(new BigDecimal(d), MathContext.DECIMAL128).doubleValue();
        }
    }

    private static Map<String, Double> reference(Map<Long, Application> applications) {
        // p.get(year).get(code or "*").get(country or "W")
        Map<Integer, Map<String, Map<String, Q>>> p = new HashMap<>();
        for (Application app : applications.values()) {
            if (app.year() == 9999) {
                continue;
            }
            Map<String, Q> weights = new HashMap<>();
            if (app.countries().isEmpty()) {
                weights.put("ZZ", Q.of(1, 1));
            } else {
                for (String c : app.countries()) {
                    weights.merge(c, Q.of(1, app.countries().size()), Q::add);
                }
            }
            Set<String> tags = new TreeSet<>();
            for (String code : app.codes()) {
                tags.add(code);
                if (code.chars().filter(ch -> ch == '.').count() == 2) {
                    tags.add(code.substring(0, code.lastIndexOf('.')));
                }
            }
            tags.add("*");
            Map<String, Map<String, Q>> year = p.computeIfAbsent(app.year(), y -> new HashMap<>());
            for (String tag : tags) {
                Map<String, Q> byCountry = year.computeIfAbsent(tag, t -> new HashMap<>());
                weights.forEach((c, w) -> {
                    byCountry.merge(c, w, Q::add);
                    byCountry.merge("W", w, Q::add);
                });
            }
        }

        Map<String, Double> indicators = new TreeMap<>();
        p.forEach((year, byCode) -> {
            Map<String, Q> all = byCode.get("*");
            Set<String> countries = new TreeSet<>(EU27);
            countries.addAll(List.of("US", "CN", "JP", "KR"));
            all.forEach((c, w) -> {
                if (!c.equals("W") && w.n().signum() > 0) {
                    countries.add(c);
                }
            });
            for (String code : CODES) {
                Map<String, Q> k = byCode.getOrDefault(code, Map.of());
                Q world = k.getOrDefault("W", Q.ZERO);
                Map<String, BigDecimal> euShares = new HashMap<>();
                for (String c : countries) {
                    Q count = k.getOrDefault(c, Q.ZERO);
                    indicators.put(key("patent.count", c, code, year), count.toDouble());
                    indicators.put(key("patent.country_share", c, code, year),
                            count.share(all.getOrDefault(c, Q.ZERO)).toDouble());
                    indicators.put(key("patent.world_share", c, code, year), count.share(world).toDouble());
                    if (EU27.contains(c)) {
                        euShares.put(c, count.share(world).round9());
                    }
                }
                Q euCount = Q.ZERO;
                Q euAll = Q.ZERO;
                for (String c : EU27) {
                    euCount = euCount.add(k.getOrDefault(c, Q.ZERO));
                    euAll = euAll.add(all.getOrDefault(c, Q.ZERO));
                }
                indicators.put(key("patent.count", "EU27", code, year), euCount.toDouble());
                indicators.put(key("patent.country_share", "EU27", code, year), euCount.share(euAll).toDouble());
                indicators.put(key("patent.world_share", "EU27", code, year), euCount.share(world).toDouble());
                if (world.n().signum() > 0) {
                    for (String c : EU27) {
                        long better = euShares.values().stream().filter(v -> v.compareTo(euShares.get(c)) > 0).count();
                        indicators.put(key("patent.eu27_rank", c, code, year), (double) (better + 1));
                    }
                }
            }
        });
        return indicators;
    }

    private static String key(String indicator, String country, String code, int year) {
        return indicator + "|" + country + "|" + code + "|" + year;
    }
}
