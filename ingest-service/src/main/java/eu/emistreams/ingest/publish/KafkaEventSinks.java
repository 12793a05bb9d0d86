package eu.emistreams.ingest.publish;

import eu.emistreams.events.AvroSerdes;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Opens a {@link KafkaEventSink} per ingest run against the configured broker and registry. */
@ApplicationScoped
public class KafkaEventSinks implements EventSinkFactory {

    private final String bootstrapServers;
    private final AvroSerdes serdes;

    public KafkaEventSinks(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, AvroSerdes serdes) {
        this.bootstrapServers = bootstrapServers;
        this.serdes = serdes;
    }

    @Override
    public EventSink open(String clientId) {
        return new KafkaEventSink(bootstrapServers, serdes, clientId);
    }
}
