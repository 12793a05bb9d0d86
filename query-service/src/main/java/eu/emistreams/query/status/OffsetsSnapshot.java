package eu.emistreams.query.status;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What the brokers said about the pipeline's consumer groups at one moment.
 *
 * @param groupPartitions per group, every partition it must have consumed: its source topics'
 *     partitions, its repartition topics' partitions and whatever it has committed
 * @param committed per group, its committed offsets (a partition without a commit is absent)
 * @param startOffsets the log start offset of every partition above
 * @param endOffsets the log end offset of every partition above, read uncommitted so that an open
 *     transaction counts as lag
 */
public record OffsetsSnapshot(
        Map<String, Set<TopicPartition>> groupPartitions,
        Map<String, Map<TopicPartition, Long>> committed,
        Map<TopicPartition, Long> startOffsets,
        Map<TopicPartition, Long> endOffsets) {

    public OffsetsSnapshot {
        groupPartitions = Map.copyOf(groupPartitions);
        committed = Map.copyOf(committed);
        startOffsets = Map.copyOf(startOffsets);
        endOffsets = Map.copyOf(endOffsets);
    }
}
