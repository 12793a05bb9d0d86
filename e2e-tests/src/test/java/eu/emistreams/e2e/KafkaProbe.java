package eu.emistreams.e2e;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.events.ingest.RejectedRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Looks at the broker directly: topic end offsets and the rejected rows, as a subscriber sees them. */
final class KafkaProbe {

    private final String bootstrapServers;
    private final String registryUrl;

    KafkaProbe(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** End offset per partition; uncommitted transactions count, so nothing written can hide. */
    Map<Integer, Long> endOffsets(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<Integer, Long> ends = new TreeMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the end offsets of " + topic, e);
        }
    }

    /** Every committed record of the rejects topic, from the beginning to the current end. */
    List<RejectedRow> rejectedRows() {
        Deserializer<RejectedRow> values = new AvroSerdes(registryUrl).valueSerde(RejectedRow.class).deserializer();
        List<RejectedRow> rows = new ArrayList<>();
        readToEnd(EventTopics.REJECTS.name(), new StringDeserializer(), values, record -> {
            if (record.value() != null) {
                rows.add(record.value());
            }
        });
        return rows;
    }

    /**
     * How many keys of {@code variant} a compacted read of emi.indicators.variants holds now (the
     * latest record per key not a tombstone), from the beginning to the current end.
     */
    long latestVariantValues(String variant) {
        Deserializer<VariantIndicatorKey> keys = new AvroSerdes(registryUrl).keySerde(VariantIndicatorKey.class).deserializer();
        Map<VariantIndicatorKey, Boolean> present = new java.util.HashMap<>();
        readToEnd(EventTopics.INDICATORS_VARIANTS.name(), keys, new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                record -> {
                    if (record.key().getVariant().equals(variant)) {
                        present.put(record.key(), record.value() != null);
                    }
                });
        return present.values().stream().filter(Boolean::booleanValue).count();
    }

    /** Every committed record of {@code topic}, from the beginning to its current end, to {@code each}. */
    private <K, V> void readToEnd(String topic, Deserializer<K> keys, Deserializer<V> values,
            java.util.function.Consumer<ConsumerRecord<K, V>> each) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end offsets are the last stable offsets: reading up to them reads everything committed.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + ends);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }
}
