package eu.emistreams.classifier.concordance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.emistreams.events.progress.StageProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether every task has applied a version, from their progress entries and the partition counts. */
class ConcordanceApplicationTest {

    private static final Map<String, Integer> PARTITIONS = Map.of("classify-patents", 2, "classify-trade-flows", 1);

    private static StageProgress entry(String processor, String task, String version) {
        return new StageProgress("classifier", processor, task, false, "", version, 1L, List.of(), Map.of());
    }

    @Test
    void appliedEverywhereOnceOneTaskPerPartitionOfEverySourceReportsTheVersion() {
        List<StageProgress> entries = List.of(entry("classify-patents", "0_0", "v2"),
                entry("classify-patents", "0_1", "v2"), entry("classify-trade-flows", "1_0", "v2"));
        assertEquals(List.of(), ConcordanceApplication.notApplied(entries, PARTITIONS, "v2"));
    }

    @Test
    void aTaskStillOnTheOldVersionOrNotReportedAtAllHoldsTheRollout() {
        List<StageProgress> entries = List.of(entry("classify-patents", "0_0", "v2"),
                entry("classify-patents", "0_1", "v1"));
        assertEquals(List.of("classify-patents partition 1", "classify-trade-flows partition 0"),
                ConcordanceApplication.notApplied(entries, PARTITIONS, "v2"));
    }

    @Test
    void anEntryLeftUnderAnOlderTaskIdDoesNotHoldItAndOtherStagesDoNotCount() {
        List<StageProgress> entries = List.of(entry("classify-patents", "0_0", "v2"),
                entry("classify-patents", "0_1", "v2"), entry("classify-patents", "3_1", "v1"),
                entry("classify-trade-flows", "1_0", "v2"),
                new StageProgress("indicator", "classify-patents", "5_0", false, "", "v1", 1L, List.of(), Map.of()));
        assertEquals(List.of(), ConcordanceApplication.notApplied(entries, PARTITIONS, "v2"));
        // An indicator entry naming the version does not stand in for a classifier task.
        List<StageProgress> indicatorOnly = List.of(entry("classify-patents", "0_0", "v2"),
                new StageProgress("indicator", "classify-patents", "0_1", false, "", "v2", 1L, List.of(), Map.of()));
        assertEquals(List.of("classify-patents partition 1"),
                ConcordanceApplication.notApplied(indicatorOnly, Map.of("classify-patents", 2), "v2"));
    }

    @Test
    void aSourceTopicNotListedIsNotTakenForOneWithoutTasks() {
        assertEquals(List.of("classify-patents (source topic not listed)"),
                ConcordanceApplication.notApplied(List.of(), Map.of("classify-patents", 0), "v2"));
    }
}
