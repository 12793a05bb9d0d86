package eu.emistreams.indicator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SumContributionsTest {

    @Test
    void aTradeRowAddsTheExactValueOfItsDoubleUnderItsFlowForEachCodeAndParent() {
        SumContribution c = TradeContribution.of(new ClassifiedTrade("be", 2020, "m", "854140", 0.1,
                List.of("G.REN.SOLAR", "X.UNKNOWN"), "R1", "v1", Map.of(), Map.of())).orElseThrow();
        BigDecimal tenth = new BigDecimal(0.1);
        assertEquals(Set.of(2020), c.years());
        assertEquals(Map.of("*|BE|rows", BigDecimal.ONE, "G.REN|BE|M", tenth.stripTrailingZeros(),
                "G.REN.SOLAR|BE|M", tenth.stripTrailingZeros()), c.amounts());
        assertTrue(tenth.compareTo(new BigDecimal("0.1")) > 0, "the double 0.1 is a little more than 0.1");
    }

    @Test
    void tradeRowsThatAreNoFlowOrNoNumberCountNowhere() {
        assertTrue(TradeContribution.of(new ClassifiedTrade("BE", 2020, "RX", "854140", 1.0, List.of(), "R", "v", Map.of(), Map.of()))
                .isEmpty());
        assertTrue(TradeContribution.of(new ClassifiedTrade("BE", 2020, "X", "854140", Double.NaN, List.of(), "R",
                "v", Map.of(), Map.of())).isEmpty());
    }

    @Test
    void aProductionObservationCountsForAllProductsAndItsCodes() {
        SumContribution c = ProductionContribution.of(new ClassifiedProduction("GR", 2021, "26112240", 2.5,
                List.of("ELEC"), "P", "v", Map.of(), Map.of())).orElseThrow();
        assertEquals(Map.of("*|GR|rows", BigDecimal.ONE, "*|GR|value", new BigDecimal("2.5"),
                "ELEC|GR|value", new BigDecimal("2.5")), c.amounts());
    }

    @Test
    void aRoundOf2015To2023AlsoCountsInTheTotalAndOneWithoutAmountCountsInRoundsOnly() {
        SumContribution c = InvestmentContribution.of(new ClassifiedRound("FR", 2015, "seed", true, null,
                List.of("D.AI"), "C", "v", Map.of(), Map.of())).orElseThrow();
        assertEquals(Set.of(0, 2015), c.years());
        assertEquals(Map.of("*|FR|rounds", BigDecimal.ONE, "D.AI|FR|rounds", BigDecimal.ONE), c.amounts());
        assertEquals(Set.of(2024), InvestmentContribution.of(new ClassifiedRound("FR", 2024, "seed", true, 1.0,
                List.of(), "C", "v", Map.of(), Map.of())).orElseThrow().years());
    }

    @Test
    void roundsThatAreNotPeVcOrHaveNoYearCountNowhere() {
        assertTrue(InvestmentContribution.of(new ClassifiedRound("FR", 2020, "grant", false, 1.0, List.of("D.AI"),
                "C", "v", Map.of(), Map.of())).isEmpty());
        assertTrue(InvestmentContribution.of(new ClassifiedRound("FR", null, "seed", true, 1.0, List.of("D.AI"),
                "C", "v", Map.of(), Map.of())).isEmpty());
        assertTrue(InvestmentContribution.of(new ClassifiedRound("FR", 0, "seed", true, 1.0, List.of("D.AI"),
                "C", "v", Map.of(), Map.of())).isEmpty(), "year 0 is the total, never a round's year");
    }

    @Test
    void equalRecordsGiveEqualContributionsWhateverTheScaleOfTheirAmounts() {
        SumContribution a = new SumContribution(new TreeSet<>(Set.of(2020)),
                new TreeMap<>(Map.of("k", new BigDecimal("1.50"), "zero", BigDecimal.ZERO)), "R", "v");
        SumContribution b = new SumContribution(new TreeSet<>(Set.of(2020)),
                new TreeMap<>(Map.of("k", new BigDecimal("1.5"))), "R", "v");
        assertEquals(a, b);
    }
}
