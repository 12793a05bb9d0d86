package eu.emistreams.indicator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** Small cases whose expected numbers were worked out by hand from {@code indicators.md} §5. */
class TradeIndicatorTopologyTest extends HarnessTest {

    private static final List<String> SOLAR = List.of("ELEC", "G.REN", "G.REN.SOLAR");

    @Test
    void exportsImportsBalancesAndRanks() {
        topology.trade("BE-X", "BE", 2020, "X", 300, SOLAR);
        topology.trade("BE-M", "BE", 2020, "M", 100, List.of("G.REN.SOLAR"));
        topology.trade("DE-X", "DE", 2020, "X", 100, SOLAR);
        topology.trade("DE-M", "DE", 2020, "M", 300, SOLAR);
        topology.trade("FR-X", "FR", 2020, "X", 50, List.of("AGRI"));
        topology.trade("US-X", "US", 2020, "X", 1000, SOLAR);
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();

        assertEquals(300.0, topology.value("trade.exports", "BE", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(100.0, topology.value("trade.imports", "BE", "G.REN", 2020), EXACT, "the parent counts once");
        assertEquals(0.0, topology.value("trade.imports", "BE", "ELEC", 2020), EXACT);
        // BE: 100·(300−100)/(300+100) = 50; DE: 100·(100−300)/400 = −50; US: 100.
        assertEquals(50.0, topology.value("trade.balance", "BE", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(-50.0, topology.value("trade.balance", "DE", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(100.0, topology.value("trade.balance", "US", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(100.0, topology.value("trade.balance", "BE", "ELEC", 2020), EXACT);
        assertEquals(1.0, topology.value("trade.eu27_rank", "BE", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(2.0, topology.value("trade.eu27_rank", "DE", "G.REN.SOLAR", 2020), EXACT);
        assertNull(topology.get("trade.eu27_rank", "US", "G.REN.SOLAR", 2020), "non-EU reporters get no rank");
        // FR trades no solar goods: 0 exports and imports, no balance (X + M = 0), no rank.
        assertEquals(0.0, topology.value("trade.exports", "FR", "G.REN.SOLAR", 2020), EXACT);
        assertNull(topology.get("trade.balance", "FR", "G.REN.SOLAR", 2020));
        assertNull(topology.get("trade.eu27_rank", "FR", "G.REN.SOLAR", 2020));
        assertEquals(1.0, topology.value("trade.eu27_rank", "FR", "AGRI", 2020), EXACT);
        // Only reporters exist: IT sent no row in 2020.
        assertNull(topology.get("trade.exports", "IT", "AGRI", 2020));

        // The EU27 economy: the members' reported flows summed (BE + DE + FR; US is no part of it).
        assertEquals(400.0, topology.value("trade.exports", "EU27", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(400.0, topology.value("trade.imports", "EU27", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(0.0, topology.value("trade.balance", "EU27", "G.REN.SOLAR", 2020), EXACT);
        assertEquals(100.0 * 100 / 700, topology.value("trade.balance", "EU27", "ELEC", 2020), 1e-12);
        assertEquals(100.0, topology.value("trade.balance", "EU27", "AGRI", 2020), EXACT);
        assertNull(topology.get("trade.eu27_rank", "EU27", "AGRI", 2020), "the EU27 is not ranked");
        assertNull(topology.get("trade.balance", "EU27", "TOUR", 2020));

        // 4 reporters and EU27 x 32 codes x 2 flows; balances: BE, DE, US for ELEC, G.REN, G.REN.SOLAR,
        // FR for AGRI, EU27 for all four; ranks: BE and DE for ELEC, G.REN.SOLAR, and for G.REN, FR for AGRI.
        assertEquals(5 * 32 * 2 + 10 + 4 + 7, published.size());
        assertEquals(published.size(), topology.compacted().size(), "each indicator published once");
        assertTrue(published.stream().allMatch(r -> r.key.getIndicator().startsWith("trade.")));
        IndicatorValue value = topology.get("trade.exports", "BE", "AGRI", 2020);
        assertEquals(Map.of("comtrade", "T1"), value.getProvenance().getReleases());
        assertEquals("c1", value.getProvenance().getConcordanceVersion());
    }

    @Test
    void sumsAreExactSoARetractionLeavesNoResidue() {
        topology.trade("a", "BE", 2020, "X", 0.1, List.of("D.AI"));
        topology.trade("b", "BE", 2020, "X", 0.2, List.of("D.AI"));
        topology.trade("c", "BE", 2020, "X", 0.3, List.of("D.AI"));
        topology.settle();

        topology.retractTrade("a");
        topology.retractTrade("c");
        topology.settle();
        // In doubles, 0.1 + 0.2 + 0.3 − 0.1 − 0.3 is 0.20000000000000012.
        assertNotEquals(0.2, 0.1 + 0.2 + 0.3 - 0.1 - 0.3);
        assertEquals(0.2, topology.value("trade.exports", "BE", "D.AI", 2020), EXACT);
    }

    @Test
    void balancesEqualToNineDecimalsShareARank() {
        topology.trade("BE", "BE", 2021, "X", 1, List.of("AGRI"));
        topology.trade("DE-X", "DE", 2021, "X", 1e12, List.of("AGRI"));
        topology.trade("DE-M", "DE", 2021, "M", 1e-3, List.of("AGRI"));
        topology.trade("NL-X", "NL", 2021, "X", 5, List.of("AGRI"));
        topology.trade("NL-M", "NL", 2021, "M", 5, List.of("AGRI"));
        topology.settle();

        // DE: 100·(1e12 − 1e-3)/(1e12 + 1e-3) = 99.9999999999998, which is 100.000000000 at 9 decimals.
        assertTrue(topology.value("trade.balance", "DE", "AGRI", 2021) < 100.0);
        assertEquals(1.0, topology.value("trade.eu27_rank", "BE", "AGRI", 2021), EXACT);
        assertEquals(1.0, topology.value("trade.eu27_rank", "DE", "AGRI", 2021), EXACT);
        assertEquals(3.0, topology.value("trade.eu27_rank", "NL", "AGRI", 2021), EXACT);
        assertEquals(0.0, topology.value("trade.balance", "NL", "AGRI", 2021), EXACT);
    }

    @Test
    void aReporterOrAYearThatLosesItsLastRowIsRetracted() {
        topology.trade("BE", "BE", 2020, "X", 10, List.of("AGRI"));
        topology.trade("US", "US", 2020, "M", 10, List.of("AGRI"));
        topology.trade("FR-2019", "FR", 2019, "X", 10, List.of("AGRI"));
        topology.settle();

        topology.retractTrade("US");
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();
        assertEquals(32 * 2 + 1, published.size(), "US exports, imports and its AGRI balance");
        assertTrue(published.stream().allMatch(r -> r.value == null && r.key.getCountry().equals("US")));

        topology.trade("FR-2019", "FR", 2020, "M", 10, List.of("AGRI"));
        published = topology.settle();
        assertEquals(0, topology.count("trade.", 2019), "2019 has no row left");
        assertEquals(1.0, topology.value("trade.eu27_rank", "BE", "AGRI", 2020), EXACT);
        assertEquals(2.0, topology.value("trade.eu27_rank", "FR", "AGRI", 2020), EXACT);
        assertTrue(published.stream().filter(r -> r.key.getYear() == 2019).allMatch(r -> r.value == null));
    }

    @Test
    void theSameRowsAgainPublishNothingEvenUnderAnotherRelease() {
        topology.trade("BE", "BE", 2020, "X", 10.5, List.of("AGRI", "D.AI"));
        topology.trade("DE", "DE", 2020, "M", 3.25, List.of("AGRI"));
        topology.settle();

        topology.trade("BE", "BE", 2020, "X", 10.5, List.of("AGRI", "D.AI"));
        assertEquals(List.of(), topology.settle());
        topology.trade("BE", "BE", 2020, "X", 10.5, List.of("D.AI", "AGRI"), "T2");
        topology.trade("DE", "DE", 2020, "M", 3.25, List.of("AGRI"), "T2");
        assertEquals(List.of(), topology.settle());

        // A change publishes only what changed, with the release of the year's latest row.
        topology.trade("DE", "DE", 2020, "M", 3.25, List.of("D.AI"), "T3");
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();
        // DE's and the EU27's imports and balances of AGRI and D.AI, and DE's ranks.
        assertTrue(published.size() <= 10, published.toString());
        assertEquals(Map.of("comtrade", "T3"),
                topology.get("trade.imports", "DE", "D.AI", 2020).getProvenance().getReleases());
        assertEquals(3.25, topology.value("trade.imports", "DE", "D.AI", 2020), EXACT);
        assertEquals(0.0, topology.value("trade.imports", "DE", "AGRI", 2020), EXACT);
    }

    @Test
    void rowsThatAreNeitherExportsNorImportsCountNowhere() {
        topology.trade("RX", "BE", 2020, "RX", 10, List.of("AGRI"));
        assertEquals(List.of(), topology.settle());
    }
}
