package eu.emistreams.streams.progress;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.progress.StageProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Follows {@link EventTopics#PROGRESS} from the beginning ({@link CompactedTopicFollower}: no group,
 * read_committed, so an entry counts once its task's transaction has), and takes the end offsets
 * of some public topics every {@code refresh}: what a service needs to know of another's tasks
 * without asking that service or reading its consumer group.
 *
 * <p>{@link #latest} is empty until the reader has reached the end the topic had when it was
 * assigned: an older reading could describe tasks as they were minutes ago.
 */
public final class ProgressFollower {

    /** The entries by key, and the end offsets of every partition of the topics followed. */
    public record Reading(Map<String, StageProgress> entries, Map<TopicPartition, Long> endOffsets) {

        /** The number of partitions of {@code topic}; 0 when it was not listed. */
        public int partitions(String topic) {
            return (int) endOffsets.keySet().stream().filter(partition -> partition.topic().equals(topic)).count();
        }
    }

    private final Map<String, Object> clientConfig;
    private final Deserializer<StageProgress> deserializer;
    private final Set<String> endOffsetTopics;
    private final Duration refresh;
    private final CompactedTopicFollower follower;
    private volatile Reading latest;
    /** End offsets of partitions the consumer is not assigned: the consumer would warn at each read_committed call. */
    private Admin admin;

    /**
     * @param consumerConfig bootstrap servers, security and client id of the consumer
     * @param endOffsetTopics the topics whose end offsets each reading holds
     */
    public ProgressFollower(Map<String, Object> consumerConfig, Deserializer<StageProgress> deserializer,
            Set<String> endOffsetTopics, Duration refresh) {
        this.clientConfig = Map.copyOf(consumerConfig);
        this.deserializer = deserializer;
        this.endOffsetTopics = Set.copyOf(endOffsetTopics);
        this.refresh = refresh;
        this.follower = new CompactedTopicFollower("emi-progress-follower", consumerConfig,
                List.of(EventTopics.PROGRESS.name()), EntriesReading::new);
    }

    public void start() {
        admin = Admin.create(clientConfig);
        follower.start();
    }

    public void stop() {
        follower.stop();
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** The last reading, empty until the topic has been read up to date once (or after a failure). */
    public Optional<Reading> latest() {
        return Optional.ofNullable(latest);
    }

    /** The entries from the beginning; published once caught up with the end the topic had at the start. */
    private final class EntriesReading implements CompactedTopicFollower.Reading {

        private final ProgressEntries entries = new ProgressEntries(deserializer);
        private Map<TopicPartition, Long> caughtUpAt = Map.of();
        private boolean caughtUp;
        private long nextRefresh;
        private Map<TopicPartition, Long> endOffsets = Map.of();

        @Override
        public void started(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> endOffsetsNow) {
            caughtUpAt = Map.copyOf(endOffsetsNow);
            nextRefresh = System.nanoTime();
        }

        @Override
        public void apply(ConsumerRecord<String, byte[]> record) {
            entries.apply(record);
        }

        @Override
        public void polled(Map<TopicPartition, Long> positions) {
            if (!caughtUp) {
                caughtUp = caughtUpAt.entrySet().stream()
                        .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
            }
            if (!caughtUp) {
                return;
            }
            if (System.nanoTime() - nextRefresh >= 0) {
                endOffsets = endOffsets();
                nextRefresh = System.nanoTime() + refresh.toNanos();
            }
            latest = new Reading(entries.snapshot(), endOffsets);
        }

        @Override
        public void abandoned(RuntimeException cause) {
            latest = null;
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : endOffsetTopics) {
            partitions.addAll(follower.partitionsOf(topic));
        }
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        try {
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(5, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("end offsets of " + endOffsetTopics + " not listed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
        return Map.copyOf(ends);
    }
}
