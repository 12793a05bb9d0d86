package eu.emistreams.query.status;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.VariantNames;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.progress.StageProgress;
import eu.emistreams.streams.progress.CompactedTopicFollower;
import eu.emistreams.streams.progress.ProgressEntries;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Follows emi.progress and emi.concordance from the beginning ({@code streams-support}
 * CompactedTopicFollower: a plain consumer, no group, read_committed, assigned every partition of
 * both). After each poll it publishes what it holds together with its consumer position, which,
 * unlike record offsets, moves past transaction markers; {@link #readAt} hands out a reading only
 * when that position is exactly the end offsets the status was decided against.
 */
@ApplicationScoped
public class ProgressReader {

    private static final Logger LOG = Logger.getLogger(ProgressReader.class);
    private static final List<String> TOPICS = List.of(EventTopics.PROGRESS.name(), EventTopics.CONCORDANCE.name());

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AvroSerdes serdes;

    /** What the reader held after a poll, and its position in every partition it reads. */
    private record Reading(Map<TopicPartition, Long> positions, Map<String, StageProgress> entries,
            Optional<String> concordance, Map<String, String> variants) {
    }

    private volatile Reading latest;
    private CompactedTopicFollower follower;

    void start(@Observes StartupEvent started) {
        Map<String, Object> config = new HashMap<>(KafkaClientSecurity.properties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "emi-query-progress-reader");
        Deserializer<StageProgress> progress = serdes.valueSerde(EventTopics.PROGRESS).deserializer();
        Deserializer<Concordance> concordance = serdes.valueSerde(EventTopics.CONCORDANCE).deserializer();
        follower = new CompactedTopicFollower("emi-query-progress-reader", config, TOPICS,
                () -> new EntriesReading(progress, concordance));
        follower.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (follower != null) {
            follower.stop();
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

    /** The entries by key and the concordance version in force, published after every poll. */
    private final class EntriesReading implements CompactedTopicFollower.Reading {

        private final ProgressEntries entries;
        private final Deserializer<Concordance> concordance;
        private Optional<String> concordanceVersion = Optional.empty();
        /** The variant rule sets on emi.concordance (keys variant/NAME), name to version. */
        private final Map<String, String> variants = new TreeMap<>();

        EntriesReading(Deserializer<StageProgress> progress, Deserializer<Concordance> concordance) {
            this.entries = new ProgressEntries(progress);
            this.concordance = concordance;
        }

        @Override
        public void started(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> endOffsets) {
            publish(positions, Map.of(), Optional.empty());
        }

        @Override
        public void apply(ConsumerRecord<String, byte[]> record) {
            if (record.topic().equals(EventTopics.PROGRESS.name())) {
                entries.apply(record);
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

        @Override
        public void polled(Map<TopicPartition, Long> positions) {
            publish(positions, entries.snapshot(), concordanceVersion, variants);
        }

        @Override
        public void abandoned(RuntimeException cause) {
            // The broker or the registry did not answer: the reading starts again from the beginning.
            LOG.warnf("reading emi.progress again from the beginning after: %s", cause.toString());
            latest = null;
        }
    }
}
