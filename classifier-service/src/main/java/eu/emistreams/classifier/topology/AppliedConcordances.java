package eu.emistreams.classifier.topology;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The concordance version each running task of this instance has fully applied: every
 * application of its store re-emitted under that version. Written by the stream threads, read by
 * the HTTP layer to know when a new concordance is in force everywhere.
 */
@ApplicationScoped
public class AppliedConcordances {

    private final Map<String, String> versionByTask = new ConcurrentHashMap<>();

    void applied(String taskId, String version) {
        versionByTask.put(taskId, version);
    }

    /** The task left this instance, or has not applied any version yet. */
    void forget(String taskId) {
        versionByTask.remove(taskId);
    }

    public Optional<String> versionOf(String taskId) {
        return Optional.ofNullable(versionByTask.get(taskId));
    }

    /** Task id to applied version, sorted by task id. */
    public Map<String, String> snapshot() {
        return new TreeMap<>(versionByTask);
    }
}
