package eu.emistreams.query.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.emistreams.events.progress.StageProgress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgressRuleTest {

    private static final Map<String, String> STAGE_GROUPS =
            Map.of("classifier", "emi-classifier", "indicator", "emi-indicator");
    private static final Map<String, Map<TopicPartition, Long>> BOTH_COMMITTED = Map.of(
            "emi-classifier", Map.of(new TopicPartition("emi.patstat.applications", 0), 10L),
            "emi-indicator", Map.of(new TopicPartition("emi.patents.classified", 0), 10L));

    private final Map<String, StageProgress> entries = new HashMap<>();

    @BeforeEach
    void oneIdleTaskPerStage() {
        classifier("classify-patents", "0_0", "v1", false);
        indicator("patent-year-aggregates", "1_0", false, "");
    }

    private void classifier(String processor, String task, String applied, boolean pending) {
        entries.put("classifier/" + processor + "/" + task, new StageProgress("classifier", processor, task, pending,
                pending ? "re-classifying its records under concordance v2" : "", applied, 1L, List.of(), Map.of()));
    }

    private void indicator(String processor, String task, boolean pending, String detail) {
        entries.put("indicator/" + processor + "/" + task,
                new StageProgress("indicator", processor, task, pending, detail, null, 1L, List.of(), Map.of()));
    }

    private List<String> reasons(Optional<String> concordance, Map<String, Map<TopicPartition, Long>> committed) {
        return ProgressRule.reasons(ProgressSnapshot.of(entries, concordance), STAGE_GROUPS, committed);
    }

    @Test
    void nothingPendingAndTheConcordanceInForceAppliedIsSettled() {
        assertEquals(List.of(), reasons(Optional.of("v1"), BOTH_COMMITTED));
    }

    @Test
    void aPendingTaskIsNotSettledAndSaysWhy() {
        indicator("patent-year-aggregates", "1_1", true, "years [2020] wait for publication");
        indicator("patent-contributions", "0_1", true, "records read, not yet forwarded to the year aggregates");
        assertEquals(List.of(
                "indicator/patent-contributions/0_1 is pending: records read, not yet forwarded to the year aggregates",
                "indicator/patent-year-aggregates/1_1 is pending: years [2020] wait for publication"),
                reasons(Optional.of("v1"), BOTH_COMMITTED));
    }

    @Test
    void aVariantLoadedOrDroppedIsSettledOnlyOnceEveryClassifierTaskAppliedIt() {
        Map<String, String> loaded = Map.of("strict", "s1");
        assertEquals(List.of("classifier/classify-patents/0_0 has applied variants {}, not {strict=s1} loaded"),
                ProgressRule.reasons(ProgressSnapshot.of(entries, Optional.of("v1"), loaded), STAGE_GROUPS, BOTH_COMMITTED));
        entries.put("classifier/classify-patents/0_0", new StageProgress("classifier", "classify-patents", "0_0", false,
                "", "v1", 1L, List.of(), loaded));
        assertEquals(List.of(),
                ProgressRule.reasons(ProgressSnapshot.of(entries, Optional.of("v1"), loaded), STAGE_GROUPS, BOTH_COMMITTED));
        assertEquals(List.of("classifier/classify-patents/0_0 has applied variants {strict=s1}, not {} loaded"),
                reasons(Optional.of("v1"), BOTH_COMMITTED), "dropped, not yet re-emitted");
    }

    @Test
    void aClassifierTaskBehindTheConcordanceInForceIsNotSettled() {
        // Published, not yet seen by the task: it is not pending, but it applied the old version.
        classifier("classify-trade-flows", "1_0", "v1", false);
        classifier("classify-patents", "0_1", "v2", false);
        assertEquals(List.of(
                "classifier/classify-patents/0_0 has applied concordance v1, not v2 in force",
                "classifier/classify-trade-flows/1_0 has applied concordance v1, not v2 in force"),
                reasons(Optional.of("v2"), BOTH_COMMITTED));
    }

    @Test
    void whileNoConcordanceWasPublishedEveryClassifierTaskMustHaveAppliedTheSameOne() {
        assertEquals(List.of(), reasons(Optional.empty(), BOTH_COMMITTED));
        classifier("classify-patents", "0_1", "v0", false);
        assertEquals(List.of("the classifier tasks have applied different concordances [v0, v1]"),
                reasons(Optional.empty(), BOTH_COMMITTED));
    }

    @Test
    void aStageWhoseGroupCommittedButWroteNoProgressIsNotSettled() {
        entries.remove("indicator/patent-year-aggregates/1_0");
        assertEquals(List.of("no progress from the indicator stage on emi.progress while emi-indicator has committed offsets"),
                reasons(Optional.of("v1"), BOTH_COMMITTED));
        // Before the group commits anything the offsets decide alone (their lag).
        assertEquals(List.of(), reasons(Optional.of("v1"),
                Map.of("emi-classifier", BOTH_COMMITTED.get("emi-classifier"))));
    }

    @Test
    void progressNotReadUpToDateIsNotSettled() {
        assertEquals(List.of("progress not read up to date: emi.progress changed while the offsets were read"),
                ProgressRule.reasons(ProgressSnapshot.notReadUpToDate("emi.progress changed while the offsets were read"),
                        STAGE_GROUPS, BOTH_COMMITTED));
    }
}
