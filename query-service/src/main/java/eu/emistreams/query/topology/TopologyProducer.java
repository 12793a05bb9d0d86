package eu.emistreams.query.topology;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.query.config.QueryConfig;
import eu.emistreams.query.serving.StoreGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands Quarkus the query topology, wired with the registry serdes. */
@ApplicationScoped
public class TopologyProducer {

    private static final String STREAMS_PREFIX = "kafka-streams.";

    @Inject
    QueryConfig config;

    @Inject
    StoreGeneration storeGeneration;

    @Inject
    Config allConfig;

    @ConfigProperty(name = "emi.registry.url")
    String registryUrl;

    /** Off outside dev and test: the deploy step registers the schemas (SchemaDeployment). */
    @ConfigProperty(name = "emi.registry.auto-register")
    boolean registerSchemas;

    @ConfigProperty(name = "quarkus.kafka-streams.application-id")
    String applicationId;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Produces
    public Topology topology() {
        return QueryTopology.build(QuerySerdes.registry(new AvroSerdes(registryUrl, registerSchemas)), config.indicatorTopics(),
                streamsProperties(), storeGeneration::advance);
    }

    /**
     * The {@code kafka-streams.*} settings Quarkus passes to Kafka Streams, needed while building too:
     * topology optimization and the explicit-naming check are applied by the builder, not at start.
     */
    private Properties streamsProperties() {
        Properties properties = new Properties();
        for (String name : allConfig.getPropertyNames()) {
            if (name.startsWith(STREAMS_PREFIX)) {
                allConfig.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.put(name.substring(STREAMS_PREFIX.length()), value));
            }
        }
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }
}
