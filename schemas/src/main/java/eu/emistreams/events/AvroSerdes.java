package eu.emistreams.events;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one factory of Avro serdes backed by the Apicurio Registry. Schemas are registered on first
 * write (artifact {@code <topic>-key} / {@code <topic>-value}) and the payload carries the 4-byte
 * global id after a magic byte, which any Apicurio or Confluent-compatible consumer reads.
 *
 * <p>A registry that does not answer (a restart) is waited for, up to a tolerance, by
 * {@link RegistryOutageRetry}: a fault of the registry delays the pipeline, never fails it.
 *
 * <p>Records are read straight into the generated classes, and readers and writers are cached per
 * schema, by {@link SpecificDatumProvider}.
 */
public final class AvroSerdes {

    /** A registry restart takes seconds; a minute leaves room without hiding a registry that is gone. */
    public static final java.time.Duration REGISTRY_OUTAGE_TOLERANCE = java.time.Duration.ofSeconds(60);

    private final String registryUrl;
    private final RegistryOutageRetry outageRetry;

    public AvroSerdes(String registryUrl) {
        this(registryUrl, REGISTRY_OUTAGE_TOLERANCE);
    }

    /** Serdes that ride out a registry that does not answer for up to {@code outageTolerance} (RegistryOutageRetry). */
    public AvroSerdes(String registryUrl, java.time.Duration outageTolerance) {
        this.outageRetry = new RegistryOutageRetry(outageTolerance);
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
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SpecificDatumProvider.class);
        return config;
    }

    private <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(serdeConfig(), isKey);
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(serdeConfig(), isKey);
        return Serdes.serdeFrom(outageRetry.serializer(serializer), outageRetry.deserializer(deserializer));
    }
}
