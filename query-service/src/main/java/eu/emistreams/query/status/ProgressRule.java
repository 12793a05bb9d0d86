package eu.emistreams.query.status;

import eu.emistreams.events.progress.StageProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * What consumer offsets cannot show, from the Streams tasks' own entries on emi.progress: the
 * indicator stage commits its input before its punctuators forward and publish, and the classifier
 * applies a new concordance from a global store that has no consumer group. A pure function, so
 * that the rule is tested without a broker.
 *
 * <p>Settled needs: the entries read up to date; none pending; every classifier task having
 * applied the concordance in force (the version published on emi.concordance, or while none was,
 * one version for all, the shipped rules) and the variant rule sets loaded; and an entry of each stage whose group has committed
 * anything, so that a stage that writes no progress is not taken for one that has nothing pending.
 */
public final class ProgressRule {

    public static final String CLASSIFIER = "classifier";

    private ProgressRule() {
    }

    /**
     * @param stageGroups the consumer group of each stage that writes progress
     * @param committed per group, its committed offsets
     * @return why the pipeline is not settled, one line per cause, sorted; empty when nothing is left
     */
    public static List<String> reasons(ProgressSnapshot progress, Map<String, String> stageGroups,
            Map<String, Map<TopicPartition, Long>> committed) {
        if (progress.notReadUpToDate().isPresent()) {
            return List.of("progress not read up to date: " + progress.notReadUpToDate().get());
        }
        List<String> reasons = new ArrayList<>();
        Map<String, StageProgress> entries = new TreeMap<>(progress.entries());
        Set<String> classifierVersions = new TreeSet<>();
        Set<String> stagesReporting = new TreeSet<>();
        entries.forEach((key, entry) -> {
            stagesReporting.add(entry.getStage());
            if (entry.getPending()) {
                reasons.add(key + " is pending: " + entry.getDetail());
            }
            if (CLASSIFIER.equals(entry.getStage())) {
                String applied = entry.getConcordanceVersion();
                classifierVersions.add(applied == null ? "none" : applied);
                progress.concordanceInForce().filter(inForce -> !inForce.equals(applied)).ifPresent(inForce ->
                        reasons.add(key + " has applied concordance " + (applied == null ? "none" : applied)
                                + ", not " + inForce + " in force"));
                // A variant loaded or dropped is applied when every task re-emitted its records under it.
                if (!progress.variants().equals(entry.getVariantVersions())) {
                    reasons.add(key + " has applied variants " + new TreeMap<>(entry.getVariantVersions())
                            + ", not " + new TreeMap<>(progress.variants()) + " loaded");
                }
            }
        });
        if (progress.concordanceInForce().isEmpty() && classifierVersions.size() > 1) {
            reasons.add("the classifier tasks have applied different concordances " + classifierVersions);
        }
        new TreeMap<>(stageGroups).forEach((stage, group) -> {
            if (!committed.getOrDefault(group, Map.of()).isEmpty() && !stagesReporting.contains(stage)) {
                reasons.add("no progress from the " + stage + " stage on emi.progress while " + group
                        + " has committed offsets");
            }
        });
        return List.copyOf(reasons);
    }
}
