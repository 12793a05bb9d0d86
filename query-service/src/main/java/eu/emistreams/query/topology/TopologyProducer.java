package eu.emistreams.query.topology;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.query.config.QueryConfig;
import eu.emistreams.query.serving.StoreGeneration;
import eu.emistreams.streams.StreamsBuildProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.streams.Topology;

/** Hands Quarkus the query topology, wired with the registry serdes. */
@ApplicationScoped
public class TopologyProducer {


    @Inject
    QueryConfig config;

    @Inject
    StoreGeneration storeGeneration;

    @Inject
    StreamsBuildProperties buildProperties;

    @Inject
    AvroSerdes avroSerdes;



    @Produces
    public Topology topology() {
        return QueryTopology.build(QuerySerdes.registry(avroSerdes), config.indicatorTopics(), config.variantTopic(),
                buildProperties.get(), storeGeneration::advance);
    }
}
