package eu.emistreams.indicator.topology;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.indicator.pacing.UpstreamBacklog;
import eu.emistreams.indicator.publish.PublicationSchedule;
import eu.emistreams.indicator.store.StateStoreKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands Quarkus the indicator topology of every source, wired to the registry-backed Avro serdes. */
@ApplicationScoped
public class TopologyProducer {

    @ConfigProperty(name = "quarkus.kafka-streams.application-id")
    String applicationId;

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrapServers;

    @ConfigProperty(name = "emi.registry.url")
    String registryUrl;

    /** Off outside dev and test: the deploy step registers the schemas (SchemaDeployment). */
    @ConfigProperty(name = "emi.registry.auto-register")
    boolean registerSchemas;

    // Topology-level settings: Kafka Streams applies them when the topology is built, not at start.
    @ConfigProperty(name = "kafka-streams.topology.optimization", defaultValue = StreamsConfig.NO_OPTIMIZATION)
    String topologyOptimization;

    @ConfigProperty(name = "kafka-streams.ensure.explicit.internal.resource.naming", defaultValue = "true")
    boolean ensureExplicitNaming;

    @ConfigProperty(name = "emi.indicator.forward-interval", defaultValue = "50ms")
    Duration forwardInterval;

    @ConfigProperty(name = "emi.indicator.publish.check-interval", defaultValue = "250ms")
    Duration checkInterval;

    @ConfigProperty(name = "emi.indicator.publish.quiet-period", defaultValue = "500ms")
    Duration quietPeriod;

    @ConfigProperty(name = "emi.indicator.publish.max-delay", defaultValue = "30s")
    Duration maxDelay;

    @ConfigProperty(name = "emi.indicator.publish.max-hold", defaultValue = "10m")
    Duration maxHold;

    @Inject
    UpstreamBacklog upstreamBacklog;

    @ConfigProperty(name = "emi.indicator.state-stores", defaultValue = "rocksdb")
    StateStoreKind stateStores;

    @Produces
    public Topology topology() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, topologyOptimization);
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, ensureExplicitNaming);
        return IndicatorTopology.topology(config,
                IndicatorSerdes.registry(new AvroSerdes(registryUrl, registerSchemas)),
                new PublicationSchedule(forwardInterval, checkInterval, quietPeriod, maxDelay, maxHold, upstreamBacklog::backlogged),
                stateStores);
    }
}
