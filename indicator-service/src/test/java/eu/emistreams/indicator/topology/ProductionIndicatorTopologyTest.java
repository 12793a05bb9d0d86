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

/** Small cases whose expected numbers were worked out by hand from {@code indicators.md} §6. */
class ProductionIndicatorTopologyTest extends HarnessTest {

    private static final List<String> SOLAR = List.of("ELEC", "G.REN", "G.REN.SOLAR");

    @Test
    void valuesTechnologySharesAndEuShares() {
        topology.production("BE-solar", "BE", 2021, 300, SOLAR);
        topology.production("BE-food", "BE", 2021, 700, List.of("AGRI"));
        topology.production("DE-solar", "DE", 2021, 100, List.of("G.REN.SOLAR"));
        topology.production("DE-other", "DE", 2021, 900, List.of());
        topology.production("NO-solar", "NO", 2021, 500, SOLAR);
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();

        assertEquals(300.0, topology.value("production.value", "BE", "G.REN.SOLAR", 2021), EXACT);
        assertEquals(100.0, topology.value("production.value", "DE", "G.REN", 2021), EXACT, "the parent counts");
        // tech_share: BE 300 of 1000; DE 100 of 1000; NO 500 of 500.
        assertEquals(30.0, topology.value("production.tech_share", "BE", "G.REN.SOLAR", 2021), EXACT);
        assertEquals(10.0, topology.value("production.tech_share", "DE", "G.REN.SOLAR", 2021), EXACT);
        assertEquals(100.0, topology.value("production.tech_share", "NO", "G.REN.SOLAR", 2021), EXACT);
        assertEquals(70.0, topology.value("production.tech_share", "BE", "AGRI", 2021), EXACT);
        // eu_share: of the reporting EU27 (BE 300 + DE 100 of solar); NO is not part of it and has none.
        assertEquals(75.0, topology.value("production.eu_share", "BE", "G.REN.SOLAR", 2021), EXACT);
        assertEquals(25.0, topology.value("production.eu_share", "DE", "G.REN.SOLAR", 2021), EXACT);
        assertNull(topology.get("production.eu_share", "NO", "G.REN.SOLAR", 2021));
        assertEquals(100.0, topology.value("production.eu_share", "BE", "ELEC", 2021), EXACT);
        assertEquals(0.0, topology.value("production.eu_share", "DE", "ELEC", 2021), EXACT);
        assertEquals(100.0, topology.value("production.eu_share", "BE", "AGRI", 2021), EXACT);
        // A code nobody produces: 0 everywhere, and a share of a total of 0 is 0.
        assertEquals(0.0, topology.value("production.eu_share", "BE", "TOUR", 2021), EXACT);
        // Only reporters exist: FR sent no observation.
        assertNull(topology.get("production.value", "FR", "AGRI", 2021));

        // The EU27 economy: the reporting members' production summed (BE + DE), NO no part of it.
        assertEquals(400.0, topology.value("production.value", "EU27", "G.REN.SOLAR", 2021), EXACT);
        assertEquals(20.0, topology.value("production.tech_share", "EU27", "G.REN.SOLAR", 2021), EXACT);
        assertEquals(35.0, topology.value("production.tech_share", "EU27", "AGRI", 2021), EXACT);
        assertNull(topology.get("production.eu_share", "EU27", "AGRI", 2021), "no share of itself");

        // 3 reporters and EU27 x 32 codes x (value, tech_share) + 2 EU reporters x 32 eu_share.
        assertEquals(4 * 32 * 2 + 2 * 32, published.size());
        assertEquals(Map.of("prodcom", "P1"),
                topology.get("production.value", "BE", "AGRI", 2021).getProvenance().getReleases());
    }

    @Test
    void aReporterWhoseProductionIsZeroHasZeroShares() {
        topology.production("MT", "MT", 2021, 0, SOLAR);
        topology.settle();
        assertEquals(0.0, topology.value("production.value", "MT", "G.REN.SOLAR", 2021), EXACT);
        assertEquals(0.0, topology.value("production.tech_share", "MT", "G.REN.SOLAR", 2021), EXACT);
        assertEquals(0.0, topology.value("production.eu_share", "MT", "G.REN.SOLAR", 2021), EXACT);
    }

    @Test
    void aReclassifiedProductMovesItsValueBetweenCodesAndARetractionTakesItOut() {
        topology.production("BE-1", "BE", 2020, 40, List.of("D.AI"));
        topology.production("BE-2", "BE", 2020, 60, List.of("D.BD"));
        topology.production("FR-1", "FR", 2020, 100, List.of("D.AI"));
        topology.settle();
        assertEquals(40.0, topology.value("production.tech_share", "BE", "D.AI", 2020), EXACT);
        assertEquals(100.0 * 40 / 140, topology.value("production.eu_share", "BE", "D.AI", 2020), 1e-12);

        topology.production("BE-2", "BE", 2020, 60, List.of("D.AI"), "P2");
        topology.settle();
        assertEquals(100.0, topology.value("production.tech_share", "BE", "D.AI", 2020), EXACT);
        assertEquals(0.0, topology.value("production.value", "BE", "D.BD", 2020), EXACT);
        assertEquals(50.0, topology.value("production.eu_share", "BE", "D.AI", 2020), EXACT);

        topology.retractProduction("FR-1");
        List<KeyValue<IndicatorKey, IndicatorValue>> published = topology.settle();
        assertTrue(published.stream().filter(r -> r.key.getCountry().equals("FR")).allMatch(r -> r.value == null));
        assertEquals(100.0, topology.value("production.eu_share", "BE", "D.AI", 2020), EXACT);
        assertEquals(0, topology.compacted().keySet().stream().filter(k -> k.getCountry().equals("FR")).count());
    }
}
