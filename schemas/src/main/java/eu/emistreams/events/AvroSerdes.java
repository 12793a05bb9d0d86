package eu.emistreams.events;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one factory of Avro serdes backed by the Apicurio Registry. Schemas are registered on first
 * write (artifact {@code <topic>-key} / {@code <topic>-value}) and the payload carries the 4-byte
 * global id after a magic byte, which any Apicurio or Confluent-compatible consumer reads.
 *
 * <p>Records are read as generic records and turned into the generated class by a
 * {@link SpecificData} bound to that class's own class loader. Avro's default lookup goes through
 * the thread context class loader, which under {@code @QuarkusTest} is not the loader of the
 * generated classes and fails with a ClassCastException (quarkus#27057).
 */
public final class AvroSerdes {

    private final String registryUrl;

    public AvroSerdes(String registryUrl) {
        if (registryUrl == null || !registryUrl.endsWith("/apis/registry/v3")) {
            throw new IllegalArgumentException(
                    "the registry URL must end in /apis/registry/v3, got " + registryUrl);
        }
        this.registryUrl = registryUrl;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        return serde(type, false);
    }

    public <T extends SpecificRecord> Serde<T> keySerde(Class<T> type) {
        return serde(type, true);
    }

    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT_IF_EXISTS, "FIND_OR_CREATE_VERSION");
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, false);
        return config;
    }

    private <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(serdeConfig(), isKey);
        AvroKafkaDeserializer<Object> generic = new AvroKafkaDeserializer<>();
        generic.configure(serdeConfig(), isKey);
        return Serdes.serdeFrom(serializer, new SpecificDeserializer<>(type, generic));
    }

    /** Reads a generic record through the registry and copies it into the generated class. */
    static final class SpecificDeserializer<T extends SpecificRecord> implements Deserializer<T> {
        private final Class<T> type;
        private final Deserializer<Object> generic;
        private final SpecificData model;
        private final Schema readerSchema;

        SpecificDeserializer(Class<T> type, Deserializer<Object> generic) {
            this.type = type;
            this.generic = generic;
            this.model = new SpecificData(type.getClassLoader());
            this.readerSchema = model.getSchema(type);
        }

        @Override
        public T deserialize(String topic, byte[] data) {
            return convert(generic.deserialize(topic, data));
        }

        @Override
        public T deserialize(String topic, Headers headers, byte[] data) {
            return convert(generic.deserialize(topic, headers, data));
        }

        private T convert(Object read) {
            if (read == null) {
                return null;
            }
            if (type.isInstance(read)) {
                return type.cast(read);
            }
            return type.cast(copyRecord((GenericRecord) read, readerSchema));
        }

        /**
         * Copies a record written under any compatible schema into the reader's generated class,
         * matching fields by name: a field the writer lacks takes its default, as Avro schema
         * resolution would.
         */
        private Object copyRecord(GenericRecord written, Schema reader) {
            IndexedRecord copy = (IndexedRecord) model.newRecord(null, reader);
            for (Schema.Field field : reader.getFields()) {
                Schema.Field writtenField = written.getSchema().getField(field.name());
                Object value = writtenField == null
                        ? model.getDefaultValue(field)
                        : copyValue(written.get(writtenField.pos()), field.schema());
                copy.put(field.pos(), value);
            }
            return copy;
        }

        private Object copyValue(Object value, Schema schema) {
            if (value == null) {
                return null;
            }
            Schema target = nonNull(schema);
            if (value instanceof GenericRecord nested) {
                return copyRecord(nested, target);
            }
            if (value instanceof CharSequence chars) {
                return chars.toString();
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>(list.size());
                for (Object item : list) {
                    copy.add(copyValue(item, target.getElementType()));
                }
                return copy;
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k.toString(), copyValue(v, target.getValueType())));
                return copy;
            }
            return value;
        }

        private static Schema nonNull(Schema schema) {
            if (schema.getType() == Schema.Type.UNION) {
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL) {
                        return branch;
                    }
                }
            }
            return schema;
        }

        @Override
        public void close() {
            generic.close();
        }
    }
}
