package eu.emistreams.query.status;

import eu.emistreams.events.ingest.IngestReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the pipeline is settled (docs/architecture.md): no ingest is RUNNING and every pipeline
 * group has consumed every partition it reads up to its end offset. A pure function of the reports
 * and an offsets snapshot, so that the rule is tested without a broker.
 *
 * @param lag per group, the records it has not consumed yet, in the order of the configured groups
 * @param reasons why it is not settled, for people and for {@code ./emi wait}; empty when settled
 */
public record Settlement(boolean settled, Map<String, Long> lag, List<String> reasons) {

    public static final String RUNNING = "RUNNING";
    /** Accepted by the ingest service, waiting for its turn (JobAnnouncements). */
    public static final String QUEUED = "QUEUED";

    public static Settlement evaluate(Collection<IngestReport> reports, List<String> groups, OffsetsSnapshot offsets) {
        List<String> reasons = new ArrayList<>();
        reports.stream()
                .filter(report -> RUNNING.equals(report.getStatus()) || QUEUED.equals(report.getStatus()))
                .map(report -> "ingest of " + report.getSource() + " release " + report.getRelease() + " is "
                        + (RUNNING.equals(report.getStatus()) ? "running" : "queued"))
                .sorted()
                .forEach(reasons::add);

        Map<String, Long> lagByGroup = new LinkedHashMap<>();
        for (String group : groups) {
            Map<TopicPartition, Long> committed = offsets.committed().getOrDefault(group, Map.of());
            Map<String, Long> lagByTopic = new TreeMap<>();
            for (TopicPartition partition : offsets.groupPartitions().getOrDefault(group, Set.of())) {
                long lag = partitionLag(partition, committed.get(partition), offsets);
                if (lag > 0) {
                    lagByTopic.merge(partition.topic(), lag, Long::sum);
                }
            }
            long total = lagByTopic.values().stream().mapToLong(Long::longValue).sum();
            lagByGroup.put(group, total);
            if (total > 0 && committed.isEmpty()) {
                reasons.add(group + " has not consumed anything yet while " + lagByTopic.keySet() + " hold data");
            } else {
                lagByTopic.forEach((topic, lag) -> reasons.add(group + " lags " + lag + " records on " + topic));
            }
        }
        return new Settlement(reasons.isEmpty(), lagByGroup, List.copyOf(reasons));
    }

    /**
     * Records of the partition after the group's position: the end offset minus the committed
     * offset, or minus the log start when nothing is committed (the group will start there) or the
     * commit points below it (those records are gone). A partition without data has no lag.
     */
    static long partitionLag(TopicPartition partition, Long committed, OffsetsSnapshot offsets) {
        Long end = offsets.endOffsets().get(partition);
        if (end == null) {
            return 0; // the topic was deleted: nothing is left to consume
        }
        long start = offsets.startOffsets().getOrDefault(partition, 0L);
        long position = committed == null ? start : Math.max(committed, start);
        return Math.max(0, end - position);
    }
}
