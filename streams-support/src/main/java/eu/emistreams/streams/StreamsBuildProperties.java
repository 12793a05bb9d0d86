package eu.emistreams.streams;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka Streams settings a service's topology builder needs: every {@code kafka-streams.*}
 * property that Quarkus passes to the client at start, with the application id and bootstrap
 * servers. Topology optimization and the explicit-naming check are applied when the topology is
 * built, not when the client starts: without them here the builder would quietly use defaults that
 * differ from the service's configuration. All three Streams services build from this one source.
 */
@ApplicationScoped
public class StreamsBuildProperties {

    private static final String PREFIX = "kafka-streams.";

    private final Config config;
    private final String applicationId;
    private final String bootstrapServers;

    public StreamsBuildProperties(Config config,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String applicationId,
            @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers) {
        this.config = config;
        this.applicationId = applicationId;
        this.bootstrapServers = bootstrapServers;
    }

    public Properties get() {
        Properties properties = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.put(name.substring(PREFIX.length()), value));
            }
        }
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }
}
