package eu.emistreams.ingest.publish;

import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.AvroSerdes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes through one idempotent producer (acks=all): string keys, Avro values serialized by
 * the registry-backed {@link AvroSerdes}, null values as tombstones. Values are serialized here,
 * per type, so that one producer (one ordering, one flush) serves every topic of a run.
 */
public final class KafkaEventSink implements EventSink {

    private final KafkaProducer<String, byte[]> producer;
    private final AvroSerdes serdes;
    private final Map<Class<?>, Serializer<SpecificRecord>> serializers = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaEventSink(String bootstrapServers, AvroSerdes serdes, String clientId) {
        this.serdes = serdes;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(KafkaClientSecurity.properties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Releases are bulk loads: fuller, compressed batches cost a few ms of latency nobody waits on.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A broker restarting or cut off for a few minutes delays a run; a longer outage fails it
        // (reported FAILED, by InterruptedRuns if the report itself cannot go out; ingest again).
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(String topic, String key, SpecificRecord value) {
        throwIfFailed();
        byte[] bytes;
        try {
            bytes = value == null ? null : serializer(value.getClass()).serialize(topic, value);
        } catch (RuntimeException e) {
            throw new PublishException("serializing to " + topic + " failed: " + e.getMessage(), e);
        }
        producer.send(new ProducerRecord<>(topic, key, bytes), (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
        serializers.values().forEach(Serializer::close);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Serializer<SpecificRecord> serializer(Class<?> type) {
        return serializers.computeIfAbsent(type, t -> (Serializer) serdes.valueSerde((Class) t).serializer());
    }

    private void throwIfFailed() {
        Exception failed = failure.get();
        if (failed != null) {
            throw new PublishException("publishing to Kafka failed: " + failed.getMessage(), failed);
        }
    }
}
