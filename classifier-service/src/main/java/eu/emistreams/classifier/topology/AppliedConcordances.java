package eu.emistreams.classifier.topology;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The concordance version each running task of this instance has fully applied: every record of
 * its store re-emitted under that version. Written by the stream threads, read by the HTTP layer
 * to know when a new concordance is in force everywhere.
 *
 * <p>Each classifying processor reports for itself. In a running application a task holds one
 * source's processor; where one task holds several (TopologyTestDriver runs the whole topology as
 * task 0_0) the task has applied the version of its processor that changed version the longest
 * ago, the one still behind during a rollout.
 */
@ApplicationScoped
public class AppliedConcordances {

    private record Applied(String version, long changeNumber) {
    }

    private final Map<String, Map<String, Applied>> byTaskAndProcessor = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    void applied(String taskId, String processor, String version) {
        byTaskAndProcessor.computeIfAbsent(taskId, t -> new ConcurrentHashMap<>()).compute(processor,
                (p, before) -> before != null && before.version().equals(version)
                        ? before : new Applied(version, changes.incrementAndGet()));
    }

    /** The processor's task left this instance, or the processor has not applied any version yet. */
    void forget(String taskId, String processor) {
        byTaskAndProcessor.computeIfPresent(taskId, (t, processors) -> {
            processors.remove(processor);
            return processors.isEmpty() ? null : processors;
        });
    }

    public Optional<String> versionOf(String taskId) {
        Map<String, Applied> processors = byTaskAndProcessor.get(taskId);
        if (processors == null) {
            return Optional.empty();
        }
        return processors.values().stream().min(Comparator.comparingLong(Applied::changeNumber)).map(Applied::version);
    }

    /** Task id to applied version, sorted by task id. */
    public Map<String, String> snapshot() {
        Map<String, String> versions = new TreeMap<>();
        for (String taskId : byTaskAndProcessor.keySet()) {
            versionOf(taskId).ifPresent(version -> versions.put(taskId, version));
        }
        return versions;
    }
}
