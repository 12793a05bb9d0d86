package eu.emistreams.indicator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** Small cases whose expected numbers were worked out by hand from {@code indicators.md} §7. */
class InvestmentIndicatorTopologyTest extends HarnessTest {

    private static final int TOTAL = 0;

    @Test
    void amountsAndRoundsPerYearAndForTheTotalOf2015To2023() {
        topology.round("r1", "BE", 2019, true, 1.5e6, List.of("D.AI"));
        topology.round("r2", "BE", 2019, true, null, List.of("D.AI", "G.REN.WIND"));
        topology.round("r3", "BE", 2014, true, 1e6, List.of("D.AI"));
        topology.round("r4", "FR", 2023, false, 9e9, List.of("D.AI"));
        topology.round("r5", "US", 2020, true, 2e6, List.of("D.AI"));
        topology.round("r6", "BE", null, true, 5e5, List.of("D.AI"));
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();

        // A round without an amount counts in rounds only.
        assertEquals(1.5e6, topology.value("investment.pe_vc_usd", "BE", "D.AI", 2019), EXACT);
        assertEquals(2.0, topology.value("investment.rounds", "BE", "D.AI", 2019), EXACT);
        assertEquals(0.0, topology.value("investment.pe_vc_usd", "BE", "G.REN", 2019), EXACT);
        assertEquals(1.0, topology.value("investment.rounds", "BE", "G.REN", 2019), EXACT, "the parent counts");
        // 2014 is outside the total.
        assertEquals(1e6, topology.value("investment.pe_vc_usd", "BE", "D.AI", 2014), EXACT);
        assertEquals(1.5e6, topology.value("investment.pe_vc_usd", "BE", "D.AI", TOTAL), EXACT);
        assertEquals(2.0, topology.value("investment.rounds", "BE", "D.AI", TOTAL), EXACT);
        assertEquals(2e6, topology.value("investment.pe_vc_usd", "US", "D.AI", TOTAL), EXACT);
        assertEquals(1.0, topology.value("investment.rounds", "US", "D.AI", 2020), EXACT);
        // EU members are there with zeros; a grant and a round without a year count nowhere.
        assertEquals(0.0, topology.value("investment.pe_vc_usd", "FR", "D.AI", TOTAL), EXACT);
        assertEquals(0, topology.count("investment.", 2023));
        // The peers are there with zeros too, and the EU27 economy sums its members.
        assertEquals(0.0, topology.value("investment.rounds", "US", "D.AI", 2019), EXACT);
        assertEquals(0.0, topology.value("investment.rounds", "KR", "D.AI", 2019), EXACT);
        assertEquals(1.5e6, topology.value("investment.pe_vc_usd", "EU27", "D.AI", TOTAL), EXACT);
        assertEquals(2.0, topology.value("investment.rounds", "EU27", "D.AI", TOTAL), EXACT);

        // Every year: 27 members, 4 peers (US among them) and EU27; 32 codes x 2 indicators each.
        assertEquals(4 * 32 * 32 * 2, published.size());
        assertEquals(Map.of("crunchbase", "C1"),
                topology.get("investment.rounds", "BE", "D.AI", TOTAL).getProvenance().getReleases());
    }

    @Test
    void aRoundThatMovesOutOfThePeriodOrStopsCountingLeavesTheTotal() {
        topology.round("r1", "BE", 2019, true, 100.0, List.of("D.AI"));
        topology.round("r2", "DE", 2021, true, 50.0, List.of("D.AI"));
        topology.settle();
        assertEquals(150.0, topology.value("investment.pe_vc_usd", "BE", "D.AI", TOTAL)
                + topology.value("investment.pe_vc_usd", "DE", "D.AI", TOTAL), EXACT);

        topology.round("r1", "BE", 2013, true, 100.0, List.of("D.AI"));
        topology.settle();
        assertEquals(0.0, topology.value("investment.pe_vc_usd", "BE", "D.AI", TOTAL), EXACT);
        assertEquals(100.0, topology.value("investment.pe_vc_usd", "BE", "D.AI", 2013), EXACT);
        assertEquals(0, topology.count("investment.", 2019), "2019 lost its only round");

        topology.round("r2", "DE", 2021, false, 50.0, List.of("D.AI"));
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();
        assertEquals(0, topology.count("investment.", TOTAL), "no counted round is left in 2015-2023");
        assertEquals(0, topology.count("investment.", 2021));
        assertTrue(published.stream().allMatch(r -> r.value == null));
    }

    @Test
    void aRoundOfAnUnknownCountryCountsForZz() {
        topology.round("r1", "", 2020, true, 10.0, List.of("AGRI"));
        topology.settle();
        assertEquals(10.0, topology.value("investment.pe_vc_usd", "ZZ", "AGRI", 2020), EXACT);
        assertEquals(33 * 32 * 2, topology.count("investment.", 2020), "EU27, peers, the EU27 economy and ZZ");
    }
}
