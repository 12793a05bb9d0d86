package eu.emistreams.indicator.topology;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.indicator.pacing.UpstreamBacklog;
import eu.emistreams.indicator.publish.PublicationSchedule;
import eu.emistreams.indicator.store.StateStoreKind;
import eu.emistreams.streams.StreamsBuildProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands Quarkus the indicator topology of every source, wired to the registry-backed Avro serdes. */
@ApplicationScoped
public class TopologyProducer {



    @Inject
    AvroSerdes avroSerdes;

    @Inject
    StreamsBuildProperties buildProperties;



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
        return IndicatorTopology.topology(buildProperties.get(),
                IndicatorSerdes.registry(avroSerdes),
                new PublicationSchedule(forwardInterval, checkInterval, quietPeriod, maxDelay, maxHold, upstreamBacklog::backlogged),
                stateStores);
    }
}
