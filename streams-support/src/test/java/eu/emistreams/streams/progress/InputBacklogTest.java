package eu.emistreams.streams.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.emistreams.events.progress.InputOffset;
import eu.emistreams.events.progress.StageProgress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InputBacklogTest {

    private static final String EVENTS = "emi.patstat.applications";
    private static final String CLASSIFIED = "emi.patents.classified";

    private static StageProgress entry(String task, InputOffset... offsets) {
        return new StageProgress("classifier", "classify-patents", task, false, "", "v1", 1L, List.of(offsets), Map.of());
    }

    private static InputOffset next(String topic, int partition, long offset) {
        return new InputOffset(topic, partition, offset);
    }

    @Test
    void eachReportedPartitionWaitsItsEndMinusTheNextOffsetToProcess() {
        List<StageProgress> entries = List.of(entry("0_0", next(EVENTS, 0, 100)), entry("0_1", next(EVENTS, 1, 40)));
        Map<TopicPartition, Long> ends = Map.of(new TopicPartition(EVENTS, 0), 150L, new TopicPartition(EVENTS, 1), 40L);
        assertEquals(50, InputBacklog.waiting(entries, ends, Set.of(EVENTS)));
    }

    @Test
    void onlyTheTopicsAskedForCount() {
        List<StageProgress> entries = List.of(entry("0_0", next(EVENTS, 0, 0)), entry("1_0", next(CLASSIFIED, 0, 0)));
        Map<TopicPartition, Long> ends = Map.of(new TopicPartition(EVENTS, 0), 7L, new TopicPartition(CLASSIFIED, 0), 5L);
        assertEquals(5, InputBacklog.waiting(entries, ends, Set.of(CLASSIFIED)));
        assertEquals(12, InputBacklog.waiting(entries, ends, Set.of(EVENTS, CLASSIFIED)));
    }

    @Test
    void aPartitionNoTaskReportsCountsAsNothingWaiting() {
        Map<TopicPartition, Long> ends = Map.of(new TopicPartition(EVENTS, 0), 1_000L, new TopicPartition(EVENTS, 1), 9L);
        assertEquals(0, InputBacklog.waiting(List.of(), ends, Set.of(EVENTS)));
        assertEquals(4, InputBacklog.waiting(List.of(entry("0_1", next(EVENTS, 1, 5))), ends, Set.of(EVENTS)));
    }

    @Test
    void theFurthestReportOfAPartitionCountsAndNoneCountsBelowZero() {
        List<StageProgress> entries = List.of(entry("0_0", next(EVENTS, 0, 10)), entry("2_0", next(EVENTS, 0, 90)));
        assertEquals(10, InputBacklog.waiting(entries, Map.of(new TopicPartition(EVENTS, 0), 100L), Set.of(EVENTS)));
        // End offsets taken before the entry was read.
        assertEquals(0, InputBacklog.waiting(entries, Map.of(new TopicPartition(EVENTS, 0), 80L), Set.of(EVENTS)));
    }
}
