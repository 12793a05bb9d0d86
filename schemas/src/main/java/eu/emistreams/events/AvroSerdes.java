package eu.emistreams.events;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one factory of Avro serdes backed by the Apicurio Registry; {@link #keySerde(Topic)} and
 * {@link #valueSerde(Topic)} give those of a topic from its descriptor ({@link EventTopics}).
 *
 * <p>A schema is one artifact per record type (RecordIdStrategy: group its namespace, id its name), whatever the topic, so that a
 * store's changelog and a repartition topic use the artifact of their record type and the set of
 * artifacts is the set of schemas of this module ({@link EventSchemas}). The payload carries the
 * 4-byte global id after a magic byte, which any Apicurio or Confluent-compatible consumer reads.
 *
 * <p>Serdes that register (tests, development) create the artifact or a new version on first
 * write; serdes that do not (the services outside dev and test: {@code emi.registry.auto-register})
 * only look up the version whose content is the writer's schema, which the deploy step registered
 * ({@link eu.emistreams.events.registry.SchemaDeployment}): a schema that was not deployed fails
 * the write at once.
 *
 * <p>A registry that does not answer (a restart) is waited for, up to a tolerance, by
 * {@link RegistryOutageRetry}: a fault of the registry delays the pipeline, never fails it.
 *
 * <p>Records are read straight into the generated classes, and readers and writers are cached per
 * schema, by {@link SpecificDatumProvider}.
 */
public final class AvroSerdes implements RecordSerdes {

    /** A registry restart takes seconds; a minute leaves room without hiding a registry that is gone. */
    public static final java.time.Duration REGISTRY_OUTAGE_TOLERANCE = java.time.Duration.ofSeconds(60);

    private final String registryUrl;
    private final boolean registerSchemas;
    private final RegistryOutageRetry outageRetry;

    /** Serdes that register the schemas they write (tests and tools). */
    public AvroSerdes(String registryUrl) {
        this(registryUrl, true);
    }

    /** Serdes that register the schemas they write only when {@code registerSchemas}. */
    public AvroSerdes(String registryUrl, boolean registerSchemas) {
        this(registryUrl, registerSchemas, REGISTRY_OUTAGE_TOLERANCE);
    }

    /** Serdes that ride out a registry that does not answer for up to {@code outageTolerance} (RegistryOutageRetry). */
    public AvroSerdes(String registryUrl, boolean registerSchemas, java.time.Duration outageTolerance) {
        this.registerSchemas = registerSchemas;
        this.outageRetry = new RegistryOutageRetry(outageTolerance);
        this.registryUrl = checkedRegistryUrl(registryUrl);
    }

    /** {@code registryUrl}, if it is the Apicurio v3 API the serdes and the deploy step speak. */
    public static String checkedRegistryUrl(String registryUrl) {
        if (registryUrl == null || !registryUrl.endsWith("/apis/registry/v3")) {
            throw new IllegalArgumentException(
                    "the registry URL must end in /apis/registry/v3, got " + registryUrl);
        }
        return registryUrl;
    }

    public String registryUrl() {
        return registryUrl;
    }

    /** The serde of the keys of {@code topic}, from its declared key type. */
    public <K, V> Serde<K> keySerde(Topic<K, V> topic) {
        return topic.keySerde(this);
    }

    /** The serde of the values of {@code topic}, from its declared value type. */
    public <K, V> Serde<V> valueSerde(Topic<K, V> topic) {
        return topic.valueSerde(this);
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
        config.put(SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName());
        // A record's nested types stay inside its schema: one self-contained artifact per record
        // type, as the deploy step registers them, rather than one artifact per nested type.
        config.put(SerdeConfig.DEREFERENCE_SCHEMA, true);
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, registerSchemas);
        if (registerSchemas) {
            config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT_IF_EXISTS, "FIND_OR_CREATE_VERSION");
        }
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SpecificDatumProvider.class);
        return config;
    }

    @Override
    public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(serdeConfig(), isKey);
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(serdeConfig(), isKey);
        return Serdes.serdeFrom(outageRetry.serializer(serializer), outageRetry.deserializer(deserializer));
    }
}
