package eu.emistreams.indicator.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.codes.EmiCodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PatentIndicatorsTest {

    private static final String ALL = YearSums.ALL_CODES;
    private static final String W = YearSums.WORLD;

    @Test
    void aYearWithoutApplicationsPublishesNothing() {
        assertEquals(List.of(), PatentIndicators.of(new YearSums()));
    }

    @Test
    void computesCountAndSharesFromTheSums() {
        // Two applications: (BE, BE, US) tagged AGRI and (DE) tagged AGRI and G.REN.
        YearSums sums = new YearSums();
        sums.put(ALL, W, ExactFraction.of(2));
        sums.put(ALL, "BE", ExactFraction.of(2, 3));
        sums.put(ALL, "US", ExactFraction.of(1, 3));
        sums.put(ALL, "DE", ExactFraction.ONE);
        sums.put("AGRI", W, ExactFraction.of(2));
        sums.put("AGRI", "BE", ExactFraction.of(2, 3));
        sums.put("AGRI", "US", ExactFraction.of(1, 3));
        sums.put("AGRI", "DE", ExactFraction.ONE);
        sums.put("G.REN", W, ExactFraction.ONE);
        sums.put("G.REN", "DE", ExactFraction.ONE);

        Map<String, ExactFraction> points = byKey(PatentIndicators.of(sums));

        assertEquals(ExactFraction.of(2, 3), points.get("patent.count|BE|AGRI"));
        assertEquals(ExactFraction.of(100), points.get("patent.country_share|BE|AGRI"));
        assertEquals(ExactFraction.of(100, 3), points.get("patent.world_share|BE|AGRI"));
        assertEquals(ExactFraction.of(50), points.get("patent.world_share|DE|AGRI"));
        assertEquals(ExactFraction.of(50, 3), points.get("patent.world_share|US|AGRI"));
        assertEquals(ExactFraction.ZERO, points.get("patent.country_share|BE|G.REN"));
        assertEquals(ExactFraction.of(100), points.get("patent.country_share|DE|G.REN"));
        // An EU member without applications still has its (zero) indicators.
        assertEquals(ExactFraction.ZERO, points.get("patent.count|MT|AGRI"));
        assertEquals(ExactFraction.ZERO, points.get("patent.country_share|MT|AGRI"));

        assertEquals(ExactFraction.of(1), points.get("patent.eu27_rank|DE|AGRI"));
        assertEquals(ExactFraction.of(2), points.get("patent.eu27_rank|BE|AGRI"));
        assertEquals(ExactFraction.of(3), points.get("patent.eu27_rank|MT|AGRI"));
        assertFalse(points.containsKey("patent.eu27_rank|US|AGRI"), "non-EU countries get no rank");

        // The EU27 as one economy: BE 2/3 + DE 1 of AGRI, of their 5/3 in all, of the world's 2.
        assertEquals(ExactFraction.of(5, 3), points.get("patent.count|EU27|AGRI"));
        assertEquals(ExactFraction.of(100), points.get("patent.country_share|EU27|AGRI"));
        assertEquals(ExactFraction.of(250, 3), points.get("patent.world_share|EU27|AGRI"));
        assertEquals(ExactFraction.ONE, points.get("patent.count|EU27|G.REN"));
        assertEquals(ExactFraction.of(60), points.get("patent.country_share|EU27|G.REN"));
        assertEquals(ExactFraction.of(100), points.get("patent.world_share|EU27|G.REN"));
        assertFalse(points.containsKey("patent.eu27_rank|EU27|AGRI"), "the EU27 is not ranked among its members");
        // The peers without applications are there, with zeros.
        for (String peer : List.of("CN", "JP", "KR")) {
            assertEquals(ExactFraction.ZERO, points.get("patent.count|" + peer + "|AGRI"));
            assertEquals(ExactFraction.ZERO, points.get("patent.world_share|" + peer + "|AGRI"));
            assertFalse(points.containsKey("patent.eu27_rank|" + peer + "|AGRI"));
        }

        // 32 countries (EU27, the peers US, CN, JP, KR, and EU27 as one economy), 32 codes, 3
        // indicators; ranks for the 2 codes with weight.
        assertEquals(32 * 32 * 3 + 2 * 27, points.size());
    }

    @Test
    void ranksAllTwentySevenOnlyWhereTheWorldTotalIsPositive() {
        YearSums sums = new YearSums();
        sums.put(ALL, W, ExactFraction.ONE);
        sums.put(ALL, "ZZ", ExactFraction.ONE);
        sums.put("D.AI", W, ExactFraction.ONE);
        sums.put("D.AI", "ZZ", ExactFraction.ONE);

        List<IndicatorPoint> points = PatentIndicators.of(sums);
        Map<String, Set<String>> rankedCountriesByCode = points.stream()
                .filter(p -> p.indicator().equals(PatentIndicators.EU27_RANK))
                .collect(Collectors.groupingBy(IndicatorPoint::code,
                        Collectors.mapping(IndicatorPoint::country, Collectors.toSet())));
        assertEquals(Set.of("D.AI"), rankedCountriesByCode.keySet(), "no rank where P(W, k, y) = 0");
        assertEquals(EmiCodes.EU27, new java.util.TreeSet<>(rankedCountriesByCode.get("D.AI")));
        assertTrue(points.stream().filter(p -> p.indicator().equals(PatentIndicators.EU27_RANK))
                .allMatch(p -> p.value().equals(ExactFraction.ONE)), "27 zeros tie at rank 1");
        Map<String, ExactFraction> byKey = byKey(points);
        assertEquals(ExactFraction.of(100), byKey.get("patent.world_share|ZZ|D.AI"));
        assertEquals(ExactFraction.of(100), byKey.get("patent.country_share|ZZ|D.AI"));
    }

    @Test
    void sharesEqualAtNineDecimalsTieInTheRanking() {
        YearSums sums = new YearSums();
        sums.put(ALL, W, ExactFraction.ONE);
        sums.put("HEAL", W, ExactFraction.ONE);
        // 33.333333333333... and 33.3333333333 (differ at the 11th decimal): one rank.
        sums.put("HEAL", "BE", ExactFraction.of(1, 3));
        sums.put("HEAL", "DE", ExactFraction.of(333_333_333_333L, 1_000_000_000_000L));
        // 33.33333333 is lower at the 9th decimal.
        sums.put("HEAL", "FR", ExactFraction.of(33_333_333, 100_000_000));
        sums.put(ALL, "BE", ExactFraction.of(1, 3));
        sums.put(ALL, "DE", ExactFraction.of(333_333_333_333L, 1_000_000_000_000L));
        sums.put(ALL, "FR", ExactFraction.of(33_333_333, 100_000_000));

        Map<String, ExactFraction> points = byKey(PatentIndicators.of(sums));
        assertEquals(ExactFraction.ONE, points.get("patent.eu27_rank|BE|HEAL"));
        assertEquals(ExactFraction.ONE, points.get("patent.eu27_rank|DE|HEAL"));
        assertEquals(ExactFraction.of(3), points.get("patent.eu27_rank|FR|HEAL"));
        assertEquals(ExactFraction.of(4), points.get("patent.eu27_rank|AT|HEAL"));
    }

    private static Map<String, ExactFraction> byKey(List<IndicatorPoint> points) {
        Map<String, ExactFraction> byKey = new HashMap<>();
        for (IndicatorPoint p : points) {
            ExactFraction previous = byKey.put(p.indicator() + "|" + p.country() + "|" + p.code(), p.value());
            assertEquals(null, previous, "one value per indicator, country and code");
        }
        return byKey;
    }
}
