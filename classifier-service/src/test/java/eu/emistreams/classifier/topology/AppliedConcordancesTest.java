package eu.emistreams.classifier.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppliedConcordancesTest {

    private final AppliedConcordances applied = new AppliedConcordances();

    @Test
    void eachTaskReportsWhatItsProcessorApplied() {
        applied.applied("0_1", "classify-patents", "v1");
        applied.applied("1_0", "classify-trade-flows", "v2");
        assertEquals(Map.of("0_1", "v1", "1_0", "v2"), applied.snapshot());

        applied.forget("0_1", "classify-patents");
        assertTrue(applied.versionOf("0_1").isEmpty());
        assertEquals(Map.of("1_0", "v2"), applied.snapshot());
    }

    @Test
    void aTaskWithSeveralProcessorsHasAppliedWhatItsLaggingProcessorApplied() {
        applied.applied("0_0", "a", "v1");
        applied.applied("0_0", "b", "v1");
        applied.applied("0_0", "b", "v2");
        assertEquals(Optional.of("v1"), applied.versionOf("0_0"), "a has not moved to v2 yet");
        // Re-reporting the same version does not make a processor look more recent.
        applied.applied("0_0", "a", "v1");
        assertEquals(Optional.of("v1"), applied.versionOf("0_0"));

        applied.applied("0_0", "a", "v2");
        assertEquals(Optional.of("v2"), applied.versionOf("0_0"));
        applied.forget("0_0", "a");
        assertEquals(Optional.of("v2"), applied.versionOf("0_0"));
    }
}
