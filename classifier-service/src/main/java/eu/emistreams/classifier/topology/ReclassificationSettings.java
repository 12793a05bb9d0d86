package eu.emistreams.classifier.topology;

import java.time.Duration;

/**
 * How a task re-emits its applications after a concordance change: it checks the concordance in
 * force every {@code checkInterval} (wall-clock) and re-emits at most {@code batchSize}
 * applications per check, so that one transaction never holds a whole partition.
 */
public record ReclassificationSettings(Duration checkInterval, int batchSize) {

    public static final ReclassificationSettings DEFAULT = new ReclassificationSettings(Duration.ofMillis(500), 10_000);

    public ReclassificationSettings {
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("checkInterval must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
    }
}
