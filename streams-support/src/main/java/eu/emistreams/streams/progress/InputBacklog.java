package eu.emistreams.streams.progress;

import eu.emistreams.events.progress.InputOffset;
import eu.emistreams.events.progress.StageProgress;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records of some topics wait before the tasks that read them: per partition, its end
 * offset minus the next offset a task reported on emi.progress ({@link TaskProgress}). A pure
 * function, so that the rule is tested without a broker.
 *
 * <p>A partition no entry reports counts as nothing waiting: a task reports a partition once it
 * has processed one of its records, so unknown means just started, and a reader that holds work
 * for a backlog must not hold it for one it cannot see. Under exactly-once the end offset also
 * counts the transaction markers after the last record, one per transaction at most: a handful
 * of records, far below any threshold this is compared with.
 */
public final class InputBacklog {

    private InputBacklog() {
    }

    /**
     * @param entries the progress entries (of any stage: only the partitions of {@code topics} count)
     * @param endOffsets the end offsets of the partitions of {@code topics}
     * @return the records of {@code topics} not yet processed by the task that reads them
     */
    public static long waiting(Collection<StageProgress> entries, Map<TopicPartition, Long> endOffsets,
            Set<String> topics) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (StageProgress entry : entries) {
            for (InputOffset offset : entry.getInputOffsets()) {
                if (topics.contains(offset.getTopic())) {
                    // Entries left under other task ids (an older topology) may report it too: the furthest counts.
                    next.merge(new TopicPartition(offset.getTopic(), offset.getPartition()), offset.getNextOffset(),
                            Math::max);
                }
            }
        }
        long waiting = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            Long processed = next.get(end.getKey());
            if (topics.contains(end.getKey().topic()) && processed != null) {
                waiting += Math.max(0, end.getValue() - processed);
            }
        }
        return waiting;
    }
}
