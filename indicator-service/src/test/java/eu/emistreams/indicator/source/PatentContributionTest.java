package eu.emistreams.indicator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.indicator.calculation.ExactFraction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatentContributionTest {

    private static ClassifiedPatent patent(int year, List<String> countries, List<String> codes) {
        return new ClassifiedPatent(1L, year, countries, codes, "2024-spring", "v1", Map.of(), Map.of());
    }

    @Test
    void eachApplicantWeighsOneOverNAggregatedPerCountry() {
        PatentContribution c = PatentContribution.of(patent(2020, List.of("BE", "US", "BE"), List.of("AGRI"))).orElseThrow();
        assertEquals(Map.of("BE", ExactFraction.of(2, 3), "US", ExactFraction.of(1, 3)), c.weightsByCountry());
        assertEquals(2020, c.year());
    }

    @Test
    void anApplicationWithoutApplicantsGivesItsWholeWeightToZz() {
        PatentContribution c = PatentContribution.of(patent(2020, List.of(), List.of())).orElseThrow();
        assertEquals(Map.of("ZZ", ExactFraction.ONE), c.weightsByCountry());
    }

    @Test
    void anythingButAnAlpha2CodeCountsAsZz() {
        PatentContribution c = PatentContribution.of(patent(2020, List.of("be", "--", "W", "1A"), List.of())).orElseThrow();
        assertEquals(Map.of("BE", ExactFraction.of(1, 4), "ZZ", ExactFraction.of(3, 4)), c.weightsByCountry());
    }

    @Test
    void anUnknownPriorityYearCountsInNoYear() {
        assertTrue(PatentContribution.of(patent(9999, List.of("BE"), List.of("AGRI"))).isEmpty());
    }

    @Test
    void aChildCodeBringsItsParentOnceAndCodesOutsideTheContractAreNotSummed() {
        PatentContribution c = PatentContribution.of(
                patent(2020, List.of("BE"), List.of("G.REN.SOLAR", "G.REN.WIND", "AGRI", "X.UNKNOWN"))).orElseThrow();
        assertEquals(Set.of("AGRI", "G.REN", "G.REN.SOLAR", "G.REN.WIND"), c.codes());
    }
}
