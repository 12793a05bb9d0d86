package eu.emistreams.events;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * How the Avro records of a topic are serialized: {@link AvroSerdes} (the registry) in the
 * services, plain Avro binary in topology tests. {@link Topic#keySerde} and {@link Topic#valueSerde}
 * ask it for the Avro types of a topic.
 */
@FunctionalInterface
public interface RecordSerdes {

    <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey);
}
