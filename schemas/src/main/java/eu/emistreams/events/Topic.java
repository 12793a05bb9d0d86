package eu.emistreams.events;

import java.util.Locale;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One Kafka topic the services exchange, with the types of its keys and values: the launcher and
 * the deployment create it with these partitions and this cleanup policy, the services build its
 * serdes from the types ({@link AvroSerdes#keySerde(Topic)}, {@link AvroSerdes#valueSerde(Topic)}).
 * {@link EventTopics} declares every one. Internal Streams topics are not topics of this kind.
 *
 * @param keyType {@link String}, {@link Integer} or a generated Avro class
 * @param valueType {@link String}, {@link Integer} or a generated Avro class
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, int partitions,
        CleanupPolicy cleanupPolicy, String description) {

    /** The Kafka {@code cleanup.policy} of a topic. */
    public enum CleanupPolicy {
        /** Every key keeps its last value; a tombstone removes the key. */
        COMPACT,
        /** Records expire with the retention. */
        DELETE;

        /** The value of the topic configuration {@code cleanup.policy}. */
        public String config() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z0-9._-]+")) {
            throw new IllegalArgumentException("not a topic name: '" + name + "'");
        }
        requireSerializable(name, keyType);
        requireSerializable(name, valueType);
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be at least 1, got " + partitions);
        }
        // One line of topics.csv, its last column.
        if (description.contains("\n") || description.contains("\r")) {
            throw new IllegalArgumentException(name + ": the description must be one line");
        }
    }

    public boolean compacted() {
        return cleanupPolicy == CleanupPolicy.COMPACT;
    }

    /** The serde of the keys: Kafka's own for String and Integer, {@code records} for an Avro class. */
    public Serde<K> keySerde(RecordSerdes records) {
        return serde(keyType, true, records);
    }

    /** The serde of the values: Kafka's own for String and Integer, {@code records} for an Avro class. */
    public Serde<V> valueSerde(RecordSerdes records) {
        return serde(valueType, false, records);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Serde<T> serde(Class<T> type, boolean isKey, RecordSerdes records) {
        if (type == String.class) {
            return (Serde<T>) Serdes.String();
        }
        if (type == Integer.class) {
            return (Serde<T>) Serdes.Integer();
        }
        return (Serde<T>) records.serde((Class) type.asSubclass(SpecificRecord.class), isKey);
    }

    private static void requireSerializable(String name, Class<?> type) {
        Objects.requireNonNull(type, name + ": type");
        if (type != String.class && type != Integer.class && !SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(name + ": keys and values are String, Integer or Avro records, not " + type.getName());
        }
    }
}
