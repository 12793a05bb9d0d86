package eu.emistreams.classifier.concordance;

import eu.emistreams.events.progress.StageProgress;
import eu.emistreams.streams.progress.TaskProgress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Whether every task of the classifier has applied a concordance version, from the tasks' entries
 * on emi.progress: a classifying processor runs one task per partition of its source topic, so
 * the tasks to hear from are known from the partition counts, whichever instance runs them. A
 * pure function, so that the rule is tested without a broker.
 *
 * <p>A partition counts as applied when any entry of its processor for it says so: an entry left
 * under another task id by an older topology names an older version, and must not hold a rollout
 * forever.
 */
public final class ConcordanceApplication {

    private ConcordanceApplication() {
    }

    /**
     * @param partitionsByProcessor each classifying processor, with the number of partitions of its source topic
     * @return the tasks that have not reported {@code version}, as {@code processor partition N}, sorted; empty
     *     when every one has
     */
    public static List<String> notApplied(Collection<StageProgress> entries, Map<String, Integer> partitionsByProcessor,
            String version) {
        return notReporting(entries, partitionsByProcessor, entry -> version.equals(entry.getConcordanceVersion()));
    }

    /**
     * The tasks that have not emitted their records under version {@code version} of variant
     * {@code variant}, or, for a null {@code version}, that still report the variant (it was
     * dropped); empty when every one has.
     */
    public static List<String> notAppliedVariant(Collection<StageProgress> entries,
            Map<String, Integer> partitionsByProcessor, String variant, String version) {
        return notReporting(entries, partitionsByProcessor,
                entry -> Objects.equals(version, entry.getVariantVersions().get(variant)));
    }

    private static List<String> notReporting(Collection<StageProgress> entries,
            Map<String, Integer> partitionsByProcessor, Predicate<StageProgress> applies) {
        Map<String, Set<Integer>> applied = new TreeMap<>();
        for (StageProgress entry : entries) {
            if (TaskProgress.CLASSIFIER.equals(entry.getStage()) && applies.test(entry)
                    && partitionsByProcessor.containsKey(entry.getProcessor())) {
                applied.computeIfAbsent(entry.getProcessor(), processor -> new HashSet<>())
                        .add(TaskId.parse(entry.getTask()).partition());
            }
        }
        List<String> missing = new ArrayList<>();
        new TreeMap<>(partitionsByProcessor).forEach((processor, partitions) -> {
            if (partitions == 0) {
                // Not listed yet: its tasks are unknown, not absent.
                missing.add(processor + " (source topic not listed)");
            }
            for (int partition = 0; partition < partitions; partition++) {
                if (!applied.getOrDefault(processor, Set.of()).contains(partition)) {
                    missing.add(processor + " partition " + partition);
                }
            }
        });
        return missing;
    }
}
