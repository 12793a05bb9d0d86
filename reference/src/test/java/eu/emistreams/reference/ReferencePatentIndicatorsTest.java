package eu.emistreams.reference;

import static eu.emistreams.reference.ReferencePatentIndicators.COUNT;
import static eu.emistreams.reference.ReferencePatentIndicators.COUNTRY_SHARE;
import static eu.emistreams.reference.ReferencePatentIndicators.EU27_RANK;
import static eu.emistreams.reference.ReferencePatentIndicators.WORLD_SHARE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny release worked by hand. In 2020 the counted applications are 1 (BE 1/3, DE 1/3, ZZ 1/3;
 * tagged ELEC HEAL REN G.REN G.REN.SOLAR G.REN.WIND) and 2 (BE 1/2, US 1/2; tagged ELEC D.AI), so
 * P(BE,*,2020) = 5/6, P(DE,*) = P(ZZ,*) = 1/3, P(US,*) = 1/2. In 2021 application 6 gives ZZ
 * weight 1 on ELEC REN D.AMR D.AMR.ROB.
 */
class ReferencePatentIndicatorsTest {

    @TempDir
    Path directory;

    private SortedMap<IndicatorId, Fraction> indicators;

    @BeforeEach
    void compute() throws IOException {
        PatstatRelease release = PatstatRelease.read(TinyRelease.write(directory));
        indicators = ReferencePatentIndicators.compute(release, ConcordanceRules.parse(TinyRelease.CONCORDANCE));
    }

    private Fraction value(String indicator, String country, String code, int year) {
        return indicators.get(new IndicatorId(indicator, country, code, year));
    }

    @Test
    void countsAreFractional() {
        assertEquals(Fraction.of(5, 6), value(COUNT, "BE", "ELEC", 2020));
        assertEquals(Fraction.of(1, 3), value(COUNT, "DE", "HEAL", 2020));
        assertEquals(Fraction.of(1, 3), value(COUNT, "ZZ", "G.REN", 2020), "the parent of G.REN.SOLAR and G.REN.WIND, once");
        assertEquals(Fraction.of(1, 2), value(COUNT, "US", "D.AI", 2020));
        assertEquals(Fraction.ZERO, value(COUNT, "DE", "D.AI", 2020));
        assertEquals(Fraction.ZERO, value(COUNT, "FR", "ELEC", 2020), "an EU27 member without applications is published");
        assertEquals(Fraction.ONE, value(COUNT, "ZZ", "D.AMR", 2021), "no applicants: weight 1 to ZZ");
        assertEquals(Fraction.ZERO, value(COUNT, "BE", "D.AMR.ROB", 2020), "robots is not robot");
        assertEquals(Fraction.ZERO, value(COUNT, "ZZ", "G.REN.SOLAR", 2021), "H01L31/05 is not in group H01L31/04");
        assertEquals(Fraction.ZERO, value(COUNT, "ZZ", "G.REN.WIND", 2021), "windmill is not wind");
    }

    @Test
    void countrySharesDivideByTheCountrysAllCodesTotal() {
        assertEquals(Fraction.of(100, 1), value(COUNTRY_SHARE, "BE", "ELEC", 2020));
        assertEquals(Fraction.of(60, 1), value(COUNTRY_SHARE, "BE", "D.AI", 2020));
        assertEquals(Fraction.of(40, 1), value(COUNTRY_SHARE, "BE", "HEAL", 2020));
        assertEquals(Fraction.ZERO, value(COUNTRY_SHARE, "FR", "ELEC", 2020), "0 where the denominator is 0");
        assertEquals(Fraction.of(100, 1), value(COUNTRY_SHARE, "ZZ", "REN", 2021));
    }

    @Test
    void worldSharesDivideByTheWorldTotalZzIncluded() {
        assertEquals(Fraction.of(125, 3), value(WORLD_SHARE, "BE", "ELEC", 2020));
        assertEquals(Fraction.of(50, 3), value(WORLD_SHARE, "DE", "ELEC", 2020));
        assertEquals(Fraction.of(50, 3), value(WORLD_SHARE, "ZZ", "ELEC", 2020));
        assertEquals(Fraction.of(25, 1), value(WORLD_SHARE, "US", "ELEC", 2020));
        assertEquals(Fraction.ZERO, value(WORLD_SHARE, "BE", "AGRI", 2020), "0 where the world total is 0");
    }

    @Test
    void ranksTheEu27WithCompetitionRankingWhereTheWorldHasPatents() {
        assertEquals(Fraction.ONE, value(EU27_RANK, "BE", "ELEC", 2020));
        assertEquals(Fraction.of(2, 1), value(EU27_RANK, "DE", "ELEC", 2020));
        assertEquals(Fraction.of(3, 1), value(EU27_RANK, "FR", "ELEC", 2020));
        assertEquals(Fraction.ONE, value(EU27_RANK, "BE", "HEAL", 2020));
        assertEquals(Fraction.ONE, value(EU27_RANK, "DE", "HEAL", 2020), "equal values share the rank");
        assertEquals(Fraction.of(3, 1), value(EU27_RANK, "AT", "HEAL", 2020), "and the next rank is skipped");
        assertEquals(Fraction.ONE, value(EU27_RANK, "AT", "ELEC", 2021), "all members at 0 share rank 1");
        assertEquals(null, value(EU27_RANK, "US", "ELEC", 2020), "non-EU countries get no rank");
        assertEquals(null, value(EU27_RANK, "BE", "AGRI", 2020), "no rank where the world total is 0");
    }

    @Test
    void publishesEveryCodeForEu27AndCountriesWithPatentsInYearsWithCountedApplications() {
        Set<Integer> years = indicators.keySet().stream().map(IndicatorId::year).collect(Collectors.toSet());
        assertEquals(Set.of(2020, 2021), years, "9999 counts in no year");
        Map<String, Integer> perIndicator = new HashMap<>();
        indicators.keySet().forEach(id -> perIndicator.merge(id.indicator(), 1, Integer::sum));
        // 2020 and 2021: 33 countries (EU27, the peers CN JP KR US, ZZ, EU27 as one economy); 32 codes each.
        int perShareIndicator = 32 * 33 + 32 * 33;
        assertEquals(perShareIndicator, perIndicator.get(COUNT));
        assertEquals(perShareIndicator, perIndicator.get(COUNTRY_SHARE));
        assertEquals(perShareIndicator, perIndicator.get(WORLD_SHARE));
        // Codes with patents: 7 in 2020 (ELEC HEAL REN G.REN G.REN.SOLAR G.REN.WIND D.AI), 4 in 2021.
        assertEquals((7 + 4) * 27, perIndicator.get(EU27_RANK));
        assertEquals(Fraction.ZERO, value(COUNT, "US", "ELEC", 2021), "a peer without applications is published");
        assertEquals(Fraction.ZERO, value(WORLD_SHARE, "KR", "ELEC", 2020));
        assertFalse(indicators.containsKey(new IndicatorId(COUNT, "CA", "ELEC", 2021)));
        assertTrue(indicators.containsKey(new IndicatorId(COUNT, "MT", "TOUR", 2021)));
    }

    @Test
    void theEu27EconomySumsItsMembersWeights() {
        // ELEC 2020: BE 5/6 + DE 1/3 = 7/6, all of the members' 7/6, of the world's 2.
        assertEquals(Fraction.of(7, 6), value(COUNT, "EU27", "ELEC", 2020));
        assertEquals(Fraction.of(100, 1), value(COUNTRY_SHARE, "EU27", "ELEC", 2020));
        assertEquals(Fraction.of(175, 3), value(WORLD_SHARE, "EU27", "ELEC", 2020));
        // D.AI 2020: BE 1/2 of the world's 1, and of the members' 7/6.
        assertEquals(Fraction.of(1, 2), value(COUNT, "EU27", "D.AI", 2020));
        assertEquals(Fraction.of(300, 7), value(COUNTRY_SHARE, "EU27", "D.AI", 2020));
        assertEquals(Fraction.of(50, 1), value(WORLD_SHARE, "EU27", "D.AI", 2020));
        // 2021: only ZZ has weight; the EU27 is there with zeros, and it is never ranked.
        assertEquals(Fraction.ZERO, value(COUNT, "EU27", "ELEC", 2021));
        assertEquals(Fraction.ZERO, value(COUNTRY_SHARE, "EU27", "ELEC", 2021));
        assertEquals(null, value(EU27_RANK, "EU27", "ELEC", 2020));
        // The world total does not count the members twice: BE, DE, US and ZZ still add up to 100 %.
        assertEquals(Fraction.of(100, 1), value(WORLD_SHARE, "BE", "ELEC", 2020).plus(value(WORLD_SHARE, "DE", "ELEC", 2020))
                .plus(value(WORLD_SHARE, "US", "ELEC", 2020)).plus(value(WORLD_SHARE, "ZZ", "ELEC", 2020)));
    }

    @Test
    void competitionRankingSkipsAfterTies() {
        Map<String, Fraction> shares = new HashMap<>();
        shares.put("BE", Fraction.of(50, 1));
        shares.put("DE", Fraction.of(20, 1));
        // Equal after rounding to 9 decimals: they share the rank.
        shares.put("FR", Fraction.of(20, 1).plus(Fraction.of(1, 10_000_000_000L)));
        shares.put("IT", Fraction.of(10, 1));
        Map<String, Integer> ranks = ReferencePatentIndicators.competitionRanks(shares);
        assertEquals(1, ranks.get("BE"));
        assertEquals(2, ranks.get("DE"));
        assertEquals(2, ranks.get("FR"));
        assertEquals(4, ranks.get("IT"));
        assertEquals(5, ranks.get("AT"));
        assertEquals(27, ranks.size());
    }
}
