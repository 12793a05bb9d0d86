package eu.emistreams.query.status;

import static eu.emistreams.query.testing.Records.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.ingest.IngestReport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static final List<String> GROUPS = List.of("emi-classifier", "emi-indicator", "emi-query");
    private static final TopicPartition APPLICATIONS_0 = new TopicPartition("emi.patstat.applications", 0);
    private static final TopicPartition APPLICATIONS_1 = new TopicPartition("emi.patstat.applications", 1);
    private static final TopicPartition CLASSIFIED_0 = new TopicPartition("emi.patents.classified", 0);
    private static final TopicPartition REPARTITION_0 = new TopicPartition("emi-indicator-by-country-repartition", 0);
    private static final TopicPartition INDICATORS_0 = new TopicPartition("emi.indicators.patent", 0);

    private final Map<String, Set<TopicPartition>> partitions = new HashMap<>();
    private final Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
    private final Map<TopicPartition, Long> start = new HashMap<>();
    private final Map<TopicPartition, Long> end = new HashMap<>();
    private final List<IngestReport> completed =
            List.of(report("patstat", "2024-spring", "COMPLETED", 1, 10, 8, 1, 1, 0));

    @BeforeEach
    void everyGroupCaughtUp() {
        reads("emi-classifier", APPLICATIONS_0, APPLICATIONS_1);
        reads("emi-indicator", CLASSIFIED_0, REPARTITION_0);
        reads("emi-query", INDICATORS_0);
        log(APPLICATIONS_0, 0, 100);
        log(APPLICATIONS_1, 0, 50);
        log(CLASSIFIED_0, 0, 151);
        log(REPARTITION_0, 0, 30);
        log(INDICATORS_0, 0, 12);
        commit("emi-classifier", APPLICATIONS_0, 100);
        commit("emi-classifier", APPLICATIONS_1, 50);
        commit("emi-indicator", CLASSIFIED_0, 151);
        commit("emi-indicator", REPARTITION_0, 30);
        commit("emi-query", INDICATORS_0, 12);
    }

    private void reads(String group, TopicPartition... topicPartitions) {
        partitions.computeIfAbsent(group, g -> new HashSet<>()).addAll(List.of(topicPartitions));
    }

    private void log(TopicPartition partition, long startOffset, long endOffset) {
        start.put(partition, startOffset);
        end.put(partition, endOffset);
    }

    private void commit(String group, TopicPartition partition, long offset) {
        committed.computeIfAbsent(group, g -> new HashMap<>()).put(partition, offset);
    }

    private Settlement evaluate(List<IngestReport> reports) {
        return Settlement.evaluate(reports, GROUPS, new OffsetsSnapshot(partitions, committed, start, end));
    }

    @Test
    void settledWhenNoIngestRunsAndEveryGroupCommittedTheEnd() {
        Settlement settlement = evaluate(completed);
        assertTrue(settlement.settled(), settlement.reasons().toString());
        assertEquals(Map.of("emi-classifier", 0L, "emi-indicator", 0L, "emi-query", 0L), settlement.lag());
        assertEquals(GROUPS, List.copyOf(settlement.lag().keySet()));
    }

    @Test
    void aRunningIngestIsNotSettledEvenWithoutLag() {
        Settlement settlement = evaluate(List.of(report("patstat", "2025-autumn", "RUNNING", 2, 0, 0, 0, 0, 0)));
        assertFalse(settlement.settled());
        assertEquals(List.of("ingest of patstat release 2025-autumn is running"), settlement.reasons());
    }

    @Test
    void aQueuedIngestIsNotSettledEither() {
        Settlement settlement = evaluate(List.of(report("prodcom", "2024", "QUEUED", 0, 0, 0, 0, 0, 0)));
        assertFalse(settlement.settled());
        assertEquals(List.of("ingest of prodcom release 2024 is queued"), settlement.reasons());
    }

    @Test
    void failedAndCompletedIngestsDoNotHoldTheSettlement() {
        assertTrue(evaluate(List.of(report("patstat", "bad", "FAILED", 1, 3, 0, 0, 0, 3))).settled());
    }

    @Test
    void lagIsSummedPerGroupOverPartitionsAndTopics() {
        commit("emi-classifier", APPLICATIONS_0, 90);
        commit("emi-classifier", APPLICATIONS_1, 45);
        commit("emi-indicator", REPARTITION_0, 28);
        Settlement settlement = evaluate(completed);
        assertFalse(settlement.settled());
        assertEquals(15L, settlement.lag().get("emi-classifier"));
        assertEquals(2L, settlement.lag().get("emi-indicator"));
        assertEquals(0L, settlement.lag().get("emi-query"));
        assertEquals(List.of("emi-classifier lags 15 records on emi.patstat.applications",
                "emi-indicator lags 2 records on emi-indicator-by-country-repartition"), settlement.reasons());
    }

    @Test
    void anOpenTransactionAtTheEndCountsAsLag() {
        // The end offset is read uncommitted: records (or a marker) past the committed position are lag.
        log(INDICATORS_0, 0, 13);
        assertFalse(evaluate(completed).settled());
    }

    @Test
    void aPartitionWithoutCommitLagsFromTheLogStart() {
        committed.get("emi-classifier").remove(APPLICATIONS_1);
        log(APPLICATIONS_1, 20, 50);
        Settlement settlement = evaluate(completed);
        assertEquals(30L, settlement.lag().get("emi-classifier"));
    }

    @Test
    void aGroupThatHasNotStartedWhileItsInputHoldsDataIsNotSettled() {
        committed.remove("emi-indicator");
        Settlement settlement = evaluate(completed);
        assertFalse(settlement.settled());
        assertEquals(181L, settlement.lag().get("emi-indicator"));
        assertTrue(settlement.reasons().get(0).startsWith("emi-indicator has not consumed anything yet"),
                settlement.reasons().toString());
    }

    @Test
    void aGroupThatHasNotStartedOnEmptyInputIsSettled() {
        committed.clear();
        end.replaceAll((partition, offset) -> 0L);
        Settlement settlement = evaluate(List.of());
        assertTrue(settlement.settled(), settlement.reasons().toString());
    }

    @Test
    void aTopicWhoseDataWasDeletedHasNoLag() {
        // Compaction or retention moved the log start past the committed offset and up to the end.
        log(CLASSIFIED_0, 151, 151);
        committed.get("emi-indicator").remove(CLASSIFIED_0);
        log(APPLICATIONS_0, 100, 100);
        commit("emi-classifier", APPLICATIONS_0, 40);
        assertTrue(evaluate(completed).settled());
    }

    @Test
    void aCommitPastTheEndIsNotNegativeLag() {
        commit("emi-query", INDICATORS_0, 20);
        commit("emi-classifier", APPLICATIONS_1, 40);
        assertEquals(10L, evaluate(completed).lag().get("emi-classifier"));
        assertEquals(0L, evaluate(completed).lag().get("emi-query"));
    }

    @Test
    void aPartitionWithoutOffsetsIsIgnored() {
        TopicPartition deleted = new TopicPartition("emi.gone", 0);
        reads("emi-query", deleted);
        commit("emi-query", deleted, 3);
        assertTrue(evaluate(completed).settled());
    }
}
