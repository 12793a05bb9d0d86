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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows {@link EventTopics#PROGRESS} from the beginning on a thread of its own, with a plain
 * consumer (no group, read_committed: an entry counts once its task's transaction has), and
 * takes the end offsets of some public topics every {@code refresh}: what a service needs to
 * know of another's tasks without asking that service or reading its consumer group.
 *
 * <p>{@link #latest} is empty until the reader has reached the end the topic had when it was
 * assigned: an older reading could describe tasks as they were minutes ago.
 */
public final class ProgressFollower {

    private static final Logger LOG = Logger.getLogger(ProgressFollower.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** The entries by key, and the end offsets of every partition of the topics followed. */
    public record Reading(Map<String, StageProgress> entries, Map<TopicPartition, Long> endOffsets) {

        /** The number of partitions of {@code topic}; 0 when it was not listed. */
        public int partitions(String topic) {
            return (int) endOffsets.keySet().stream().filter(partition -> partition.topic().equals(topic)).count();
        }
    }

    private final Map<String, Object> clientConfig;
    private final Map<String, Object> consumerConfig;
    private final Deserializer<StageProgress> deserializer;
    private final Set<String> endOffsetTopics;
    private final Duration refresh;
    private final Thread thread;
    private volatile boolean running;
    private volatile Reading latest;
    private KafkaConsumer<String, byte[]> consumer;
    /** End offsets of partitions the consumer is not assigned: the consumer would warn at each read_committed call. */
    private Admin admin;

    /**
     * @param consumerConfig bootstrap servers, security and client id of the consumer
     * @param endOffsetTopics the topics whose end offsets each reading holds
     */
    public ProgressFollower(Map<String, Object> consumerConfig, Deserializer<StageProgress> deserializer,
            Set<String> endOffsetTopics, Duration refresh) {
        this.clientConfig = Map.copyOf(consumerConfig);
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.deserializer = deserializer;
        this.endOffsetTopics = Set.copyOf(endOffsetTopics);
        this.refresh = refresh;
        this.thread = new Thread(this::run, "emi-progress-follower");
        this.thread.setDaemon(true);
    }

    public void start() {
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        admin = Admin.create(clientConfig);
        running = true;
        thread.start();
    }

    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The last reading, empty until the topic has been read up to date once (or after a failure). */
    public Optional<Reading> latest() {
        return Optional.ofNullable(latest);
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> closedAtTheEnd = consumer; Admin alsoClosed = admin) {
            while (running) {
                try {
                    follow();
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    // The broker or the registry did not answer: read the topic again from the beginning.
                    LOG.debugf("reading emi.progress again from the beginning after: %s", e.toString());
                    latest = null;
                    sleep(RETRY);
                }
            }
        }
    }

    private void follow() {
        List<TopicPartition> partitions = partitionsOf(EventTopics.PROGRESS.name());
        while (running && partitions.isEmpty()) {
            sleep(RETRY);
            partitions = partitionsOf(EventTopics.PROGRESS.name());
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> caughtUpAt = consumer.endOffsets(partitions);
        boolean caughtUp = false;
        Map<String, StageProgress> entries = new HashMap<>();
        long nextRefresh = 0;
        Map<TopicPartition, Long> endOffsets = Map.of();
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                StageProgress entry = record.value() == null ? null
                        : deserializer.deserialize(record.topic(), record.headers(), record.value());
                if (entry == null) {
                    entries.remove(record.key());
                } else {
                    entries.put(record.key(), entry);
                }
            }
            if (!caughtUp) {
                caughtUp = caughtUpAt.entrySet().stream()
                        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            }
            if (caughtUp && System.nanoTime() - nextRefresh >= 0) {
                endOffsets = endOffsets();
                nextRefresh = System.nanoTime() + refresh.toNanos();
            }
            if (caughtUp) {
                latest = new Reading(Map.copyOf(entries), endOffsets);
            }
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : endOffsetTopics) {
            partitions.addAll(partitionsOf(topic));
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

    private List<TopicPartition> partitionsOf(String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.debugf("%s cannot be listed yet: %s", topic, e.getMessage());
        }
        return partitions;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
