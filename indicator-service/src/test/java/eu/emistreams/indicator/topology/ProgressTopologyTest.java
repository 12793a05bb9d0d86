package eu.emistreams.indicator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.progress.StageProgress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The entries each task writes on emi.progress: pending from the record that leaves something
 * unfinished (in that record's transaction), not pending from the punctuation that finishes it,
 * and nothing written while nothing changes. TopologyTestDriver runs every processor in task 0_0.
 */
class ProgressTopologyTest extends HarnessTest {

    private static final String PATENT_CONTRIBUTIONS = "indicator/patent-contributions/0_0";
    private static final String PATENT_AGGREGATES = "indicator/patent-year-aggregates/0_0";
    private static final String TRADE_AGGREGATES = "indicator/trade-year-aggregates/0_0";

    @Test
    void everyReportingTaskWritesItsEntryOnceItStarts() {
        topology.advance(Duration.ofMillis(100));
        Map<String, StageProgress> progress = topology.progress();
        assertEquals(Set.of(PATENT_CONTRIBUTIONS, PATENT_AGGREGATES, TRADE_AGGREGATES,
                "indicator/production-year-aggregates/0_0", "indicator/investment-year-aggregates/0_0",
                "indicator/trade-contributions/0_0", "indicator/production-contributions/0_0",
                "indicator/investment-contributions/0_0"),
                progress.keySet(), "every contribution task reports how far it has read, even one that forwards as it reads");
        progress.forEach((key, entry) -> {
            assertFalse(entry.getPending(), key);
            assertEquals("indicator", entry.getStage());
            assertEquals("0_0", entry.getTask());
            assertEquals("", entry.getDetail());
            assertNull(entry.getConcordanceVersion());
        });
        topology.advance(Duration.ofSeconds(5));
        assertEquals(List.of(), topology.progressWritten(), "nothing written while nothing changes");
    }

    @Test
    void anApplicationIsPendingUntilItsYearIsPublished() {
        topology.advance(Duration.ofMillis(100));
        topology.progressWritten();

        topology.patentUnforwarded(1, 2020, List.of("BE"), List.of("AGRI"));
        Map<String, StageProgress> progress = topology.progress();
        assertTrue(progress.get(PATENT_CONTRIBUTIONS).getPending(), "read, not forwarded: pending with the record");
        assertFalse(progress.get(PATENT_AGGREGATES).getPending());

        topology.forwardChanges();
        progress = topology.progress();
        assertFalse(progress.get(PATENT_CONTRIBUTIONS).getPending(), "forwarded");
        assertTrue(progress.get(PATENT_AGGREGATES).getPending(), "its year waits for publication");
        assertEquals("years [2020] wait for publication", progress.get(PATENT_AGGREGATES).getDetail());

        topology.settle();
        assertFalse(topology.progress().get(PATENT_AGGREGATES).getPending(), "published");
        assertEquals(1.0, topology.value("patent.count", "BE", "AGRI", 2020), EXACT);
    }

    @Test
    void aTradeFlowIsPendingUntilItsYearIsPublishedAndOnlyChangesAreWritten() {
        topology.advance(Duration.ofMillis(100));
        topology.progressWritten();

        topology.trade("k1", "BE", 2021, "X", 100.0, List.of("AGRI"));
        topology.trade("k2", "DE", 2021, "X", 50.0, List.of("AGRI"));
        assertEquals(1, topology.progressWritten().size(), "one entry for the year that became dirty, none per record");
        assertTrue(topology.progress().get(TRADE_AGGREGATES).getPending());

        topology.trade("k3", "DE", 2022, "X", 50.0, List.of("AGRI"));
        assertEquals("years [2021, 2022] wait for publication", topology.progress().get(TRADE_AGGREGATES).getDetail());

        topology.settle();
        assertFalse(topology.progress().get(TRADE_AGGREGATES).getPending());
        assertEquals(100.0, topology.value("trade.exports", "BE", "AGRI", 2021), EXACT);
    }
}
