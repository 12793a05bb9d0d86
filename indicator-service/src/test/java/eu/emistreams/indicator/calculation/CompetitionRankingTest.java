package eu.emistreams.indicator.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompetitionRankingTest {

    @Test
    void equalValuesShareARankAndTheNextRankIsSkipped() {
        Map<String, Integer> ranks = CompetitionRanking.rank(Map.of(
                "AT", new BigDecimal("9.5"),
                "BE", new BigDecimal("7.25"),
                "CY", new BigDecimal("7.250"),
                "DE", new BigDecimal("1"),
                "EE", new BigDecimal("0"),
                "FI", new BigDecimal("0")));
        assertEquals(Map.of("AT", 1, "BE", 2, "CY", 2, "DE", 4, "EE", 5, "FI", 5), ranks);
    }

    @Test
    void allEqualShareRankOne() {
        assertEquals(Map.of("AT", 1, "BE", 1, "CY", 1), CompetitionRanking.rank(Map.of(
                "AT", BigDecimal.ZERO, "BE", BigDecimal.ZERO, "CY", BigDecimal.ZERO)));
    }
}
