package eu.emistreams.query.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.progress.StageProgress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A reading is handed out only at exactly the end offsets the status was decided against. */
class ProgressReaderTest {

    private static final TopicPartition PROGRESS = new TopicPartition("emi.progress", 0);
    private static final TopicPartition CONCORDANCE = new TopicPartition("emi.concordance", 0);
    private static final StageProgress IDLE =
            new StageProgress("indicator", "patent-year-aggregates", "1_0", false, "", null, 1L, java.util.List.of(), Map.of());

    private final ProgressReader reader = new ProgressReader();

    @Test
    void atTheEndOffsetsTheEntriesAreHandedOut() {
        reader.publish(Map.of(PROGRESS, 7L, CONCORDANCE, 2L), Map.of("indicator/patent-year-aggregates/1_0", IDLE),
                Optional.of("v1"));
        ProgressSnapshot snapshot = reader.readAt(Map.of(PROGRESS, 7L, CONCORDANCE, 2L), Duration.ofMillis(50));
        assertEquals(Optional.empty(), snapshot.notReadUpToDate());
        assertEquals(Map.of("indicator/patent-year-aggregates/1_0", IDLE), snapshot.entries());
        assertEquals(Optional.of("v1"), snapshot.concordanceInForce());
    }

    @Test
    void behindTheEndOffsetsAfterTheWaitIsNotUpToDate() {
        reader.publish(Map.of(PROGRESS, 5L, CONCORDANCE, 2L), Map.of(), Optional.empty());
        String why = reader.readAt(Map.of(PROGRESS, 7L, CONCORDANCE, 2L), Duration.ofMillis(50)).notReadUpToDate()
                .orElseThrow();
        assertTrue(why.startsWith("the reader is at "), why);
        assertTrue(why.contains("emi.progress-0=5") && why.contains("the topics end at "), why);
    }

    @Test
    void pastTheEndOffsetsTheTopicChangedAfterThem() {
        reader.publish(Map.of(PROGRESS, 9L, CONCORDANCE, 2L), Map.of(), Optional.empty());
        assertEquals(Optional.of("emi.progress-0 changed while the status was read"),
                reader.readAt(Map.of(PROGRESS, 7L, CONCORDANCE, 2L), Duration.ofMillis(50)).notReadUpToDate());
    }

    @Test
    void beforeTheReaderStartedNothingIsUpToDate() {
        assertEquals(Optional.of("the reader has not started"),
                reader.readAt(Map.of(PROGRESS, 0L), Duration.ofMillis(20)).notReadUpToDate());
    }
}
