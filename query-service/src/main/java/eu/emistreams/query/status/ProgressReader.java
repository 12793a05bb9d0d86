package eu.emistreams.query.status;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.VariantNames;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.progress.StageProgress;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Follows emi.progress and emi.concordance from the beginning on a thread of its own: a plain
 * consumer (no group), read_committed, assigned every partition of both. After each poll it
 * publishes what it holds together with its consumer position, which, unlike record offsets,
 * moves past transaction markers; {@link #readAt} hands out a reading only when that position is
 * exactly the end offsets the status was decided against.
 */
@ApplicationScoped
public class ProgressReader {

    private static final Logger LOG = Logger.getLogger(ProgressReader.class);
    private static final List<String> TOPICS = List.of(EventTopics.PROGRESS.name(), EventTopics.CONCORDANCE.name());
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AvroSerdes serdes;

    /** What the reader held after a poll, and its position in every partition it reads. */
    private record Reading(Map<TopicPartition, Long> positions, Map<String, StageProgress> entries,
            Optional<String> concordance, Map<String, String> variants) {
    }

    private volatile Reading latest;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    void start(@Observes StartupEvent started) {
        Map<String, Object> config = new HashMap<>(KafkaClientSecurity.properties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "emi-query-progress-reader");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "emi-query-progress-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The partitions read, empty until both topics exist. */
    public Set<TopicPartition> partitions() {
        Reading reading = latest;
        return reading == null ? Set.of() : reading.positions().keySet();
    }

    /**
     * The entries as of exactly {@code ends}, the committed end offsets of the partitions read:
     * waits at most {@code timeout} for the reader to reach them. A position past them means the
     * topics changed after they were taken, and the reading would not describe that moment.
     */
    public ProgressSnapshot readAt(Map<TopicPartition, Long> ends, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Reading reading = latest;
            if (reading != null && reading.positions().keySet().equals(ends.keySet())) {
                boolean reached = true;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    long position = reading.positions().get(end.getKey());
                    if (position > end.getValue()) {
                        return ProgressSnapshot.notReadUpToDate(end.getKey() + " changed while the status was read");
                    }
                    reached &= position == end.getValue();
                }
                if (reached) {
                    return ProgressSnapshot.of(reading.entries(), reading.concordance(), reading.variants());
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return ProgressSnapshot.notReadUpToDate(reading == null ? "the reader has not started"
                        : "the reader is at " + reading.positions() + ", the topics end at " + ends);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ProgressSnapshot.notReadUpToDate("interrupted");
            }
        }
    }

    /**
     * The variant rule sets loaded beside the concordance in force (name to version), as far as
     * this reader has read; empty before it started.
     */
    public Map<String, String> variants() {
        Reading reading = latest;
        return reading == null ? Map.of() : reading.variants();
    }

    /** What the reader holds, at these positions. */
    void publish(Map<TopicPartition, Long> positions, Map<String, StageProgress> entries, Optional<String> concordance) {
        publish(positions, entries, concordance, Map.of());
    }

    void publish(Map<TopicPartition, Long> positions, Map<String, StageProgress> entries, Optional<String> concordance,
            Map<String, String> variants) {
        latest = new Reading(Map.copyOf(positions), Map.copyOf(entries), concordance, Map.copyOf(variants));
    }

    private void run() {
        Deserializer<StageProgress> progress =
                serdes.valueSerde(EventTopics.PROGRESS).deserializer();
        Deserializer<Concordance> concordance =
                serdes.valueSerde(EventTopics.CONCORDANCE).deserializer();
        try (KafkaConsumer<String, byte[]> closedAtTheEnd = consumer) {
            while (running) {
                try {
                    follow(progress, concordance);
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    // The broker or the registry did not answer: read both topics again from the beginning.
                    LOG.warnf("reading emi.progress again from the beginning after: %s", e.toString());
                    latest = null;
                    sleep(RETRY);
                }
            }
        }
    }

    private void follow(Deserializer<StageProgress> progress, Deserializer<Concordance> concordance) {
        while (running && !assign()) {
            sleep(RETRY);
        }
        Map<String, StageProgress> entries = new HashMap<>();
        Optional<String> concordanceVersion = Optional.empty();
        Map<String, String> variants = new TreeMap<>();
        while (running) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.topic().equals(EventTopics.PROGRESS.name())) {
                    StageProgress entry = record.value() == null ? null
                            : progress.deserialize(record.topic(), record.headers(), record.value());
                    if (entry == null) {
                        entries.remove(record.key());
                    } else {
                        entries.put(record.key(), entry);
                    }
                } else if (EventTopics.CONCORDANCE_KEY.equals(record.key())) {
                    Concordance rules = record.value() == null ? null
                            : concordance.deserialize(record.topic(), record.headers(), record.value());
                    concordanceVersion = Optional.ofNullable(rules).map(Concordance::getVersion);
                } else {
                    Optional<String> variant = VariantNames.ofConcordanceKey(record.key());
                    if (variant.isPresent() && record.value() == null) {
                        variants.remove(variant.get());
                    } else if (variant.isPresent()) {
                        variants.put(variant.get(),
                                concordance.deserialize(record.topic(), record.headers(), record.value()).getVersion());
                    }
                }
            }
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition partition : consumer.assignment()) {
                positions.put(partition, consumer.position(partition));
            }
            publish(positions, entries, concordanceVersion, variants);
        }
    }

    /** Assigns every partition of both topics once they exist, from the beginning. */
    private boolean assign() {
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos == null || infos.isEmpty()) {
                    return false;
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        } catch (WakeupException e) {
            throw e;
        } catch (org.apache.kafka.common.KafkaException e) {
            LOG.debugf("the progress topics cannot be listed yet: %s", e.getMessage());
            return false;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
        publish(positions, Map.of(), Optional.empty());
        return true;
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
