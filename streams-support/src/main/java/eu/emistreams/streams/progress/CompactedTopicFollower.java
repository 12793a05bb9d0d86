package eu.emistreams.streams.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows some compacted topics from the beginning on a thread of its own, with a plain consumer:
 * no group (every reader reads everything, nothing is committed) and read_committed (a record
 * counts once its producer's transaction has). Once every topic exists it is assigned all their
 * partitions; each record goes to a {@link Reading}, and after each poll the reading is told the
 * consumer's positions, which, unlike record offsets, move past transaction markers. When the
 * broker or the registry fails, the follower starts over from the beginning with a new reading.
 *
 * <p>What {@code emi.progress} readers share: the classifier's concordance rollout and the
 * indicator's pacing ({@link ProgressFollower}) and the query's status ({@code status.ProgressReader}).
 */
public final class CompactedTopicFollower {

    private static final Logger LOG = Logger.getLogger(CompactedTopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(5);

    /** What a follower builds from the records; a new one at each start from the beginning. Called on the follower's thread. */
    public interface Reading {

        /**
         * The topics are assigned and the consumer is at their beginning.
         *
         * @param positions the consumer's position in every partition
         * @param endOffsets the (committed) end offsets of every partition at that moment
         */
        void started(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> endOffsets);

        void apply(ConsumerRecord<String, byte[]> record);

        /** After a poll and the records it brought: the consumer's position in every partition. */
        void polled(Map<TopicPartition, Long> positions);

        /** The reading is given up: the follower starts over after a failure. */
        void abandoned(RuntimeException cause);
    }

    private final List<String> topics;
    private final Supplier<Reading> newReading;
    private final Map<String, Object> consumerConfig;
    private final Thread thread;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;

    /**
     * @param clientConfig bootstrap servers, security and client id of the consumer
     * @param threadName also the name the logs give the follower
     */
    public CompactedTopicFollower(String threadName, Map<String, Object> clientConfig, List<String> topics,
            Supplier<Reading> newReading) {
        this.topics = List.copyOf(topics);
        this.newReading = newReading;
        this.consumerConfig = new HashMap<>(clientConfig);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
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

    /** The partitions of {@code topic}, empty while it does not exist; for {@link Reading}s, on the follower's thread. */
    public List<TopicPartition> partitionsOf(String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, LIST_TIMEOUT);
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

    private void run() {
        try (KafkaConsumer<String, byte[]> closedAtTheEnd = consumer) {
            while (running) {
                Reading reading = newReading.get();
                try {
                    follow(reading);
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.debugf("%s: reading %s again from the beginning after: %s", thread.getName(), topics, e.toString());
                    reading.abandoned(e);
                    sleep(RETRY);
                }
            }
        }
    }

    private void follow(Reading reading) {
        List<TopicPartition> partitions = allPartitions();
        while (running && partitions.isEmpty()) {
            sleep(RETRY);
            partitions = allPartitions();
        }
        if (!running) {
            return;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reading.started(positions(), consumer.endOffsets(partitions));
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                reading.apply(record);
            }
            reading.polled(positions());
        }
    }

    /** Every partition of every topic, or none while one of them does not exist. */
    private List<TopicPartition> allPartitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<TopicPartition> ofTopic = partitionsOf(topic);
            if (ofTopic.isEmpty()) {
                return List.of();
            }
            partitions.addAll(ofTopic);
        }
        return partitions;
    }

    private Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            positions.put(partition, consumer.position(partition));
        }
        return positions;
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
