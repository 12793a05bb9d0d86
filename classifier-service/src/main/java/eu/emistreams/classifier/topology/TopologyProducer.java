package eu.emistreams.classifier.topology;

import eu.emistreams.classifier.ClassifierConfig;
import eu.emistreams.classifier.concordance.ShippedConcordance;
import eu.emistreams.events.AvroSerdes;
import eu.emistreams.streams.StreamsBuildProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands the classifier topology, wired with the registry-backed serdes, to Quarkus. */
@ApplicationScoped
public class TopologyProducer {

    @Inject
    AvroSerdes avroSerdes;

    @Inject
    StreamsBuildProperties buildProperties;

    @Inject
    ClassifierConfig config;

    @Inject
    ShippedConcordance shippedConcordance;

    @Inject
    AppliedConcordances appliedConcordances;

    @Produces
    public Topology topology() {
        return ClassifierTopology.build(
                ClassifierSerdes.avro(avroSerdes),
                shippedConcordance.rules(),
                appliedConcordances,
                new ReclassificationSettings(config.reclassification().checkInterval(),
                        config.reclassification().batchSize()),
                buildProperties.get());
    }
}
