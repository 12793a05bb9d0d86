package eu.emistreams.classifier.topology;

import eu.emistreams.classifier.ClassifierConfig;
import eu.emistreams.classifier.concordance.ShippedConcordance;
import eu.emistreams.events.AvroSerdes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands the classifier topology, wired with the registry-backed serdes, to Quarkus. */
@ApplicationScoped
public class TopologyProducer {

    @ConfigProperty(name = "emi.registry.url")
    String registryUrl;

    /** Off outside dev and test: the deploy step registers the schemas (SchemaDeployment). */
    @ConfigProperty(name = "emi.registry.auto-register")
    boolean registerSchemas;

    @Inject
    ClassifierConfig config;

    @Inject
    ShippedConcordance shippedConcordance;

    @Inject
    AppliedConcordances appliedConcordances;

    @Produces
    public Topology topology() {
        return ClassifierTopology.build(
                ClassifierSerdes.avro(new AvroSerdes(registryUrl, registerSchemas)),
                shippedConcordance.rules(),
                appliedConcordances,
                new ReclassificationSettings(config.reclassification().checkInterval(),
                        config.reclassification().batchSize()));
    }
}
