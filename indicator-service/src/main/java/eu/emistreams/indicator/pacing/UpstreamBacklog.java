package eu.emistreams.indicator.pacing;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.progress.StageProgress;
import eu.emistreams.streams.progress.InputBacklog;
import eu.emistreams.streams.progress.ProgressFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many records of each source still wait upstream of the year aggregates: on the source's
 * event topic before the classifier's tasks, and on its classified topic before this service's
 * contribution tasks. Each of those tasks says on emi.progress the next offset it will process
 * per input partition; this compares them with the end offsets of those two public topics
 * ({@link InputBacklog}), refreshed every {@code emi.indicator.backlog.poll}. Reading the tasks'
 * own entries rather than another service's consumer group or internal topics keeps each service
 * to what it publishes; the hop from the contributions to the aggregates inside this service
 * (its repartition topic) is not counted.
 *
 * <p>While a backlog of more than {@code emi.indicator.backlog.threshold} records waits, the
 * indicator stage's input pauses are not the end of a change but the CPU being busy elsewhere
 * (a backfill catching up ran for half a minute after its ingest ended, republishing every year
 * at each pause); {@link eu.emistreams.indicator.publish.PublicationSchedule} holds the
 * source's years until the backlog is gone. A single change is far below the threshold and is
 * published after the quiet period as before. Unknown (emi.progress not read yet) is no backlog:
 * publication falls back to the quiet period.
 */
@ApplicationScoped
public class UpstreamBacklog {

    /** The provenance source name of each family, with the public topics its records wait on. */
    static final Map<String, Set<String>> TOPICS_BY_SOURCE = Map.of(
            "patstat", Set.of(EventTopics.PATSTAT_APPLICATIONS.name(), EventTopics.PATENTS_CLASSIFIED.name()),
            "comtrade", Set.of(EventTopics.COMTRADE_FLOWS.name(), EventTopics.TRADE_CLASSIFIED.name()),
            "prodcom", Set.of(EventTopics.PRODCOM_OBSERVATIONS.name(), EventTopics.PRODUCTION_CLASSIFIED.name()),
            "crunchbase", Set.of(EventTopics.CRUNCHBASE_ROUNDS.name(), EventTopics.INVESTMENT_CLASSIFIED.name()));

    private final String bootstrapServers;
    private final String applicationId;
    private final Duration poll;
    private final long threshold;
    private final AvroSerdes serdes;
    private ProgressFollower follower;

    public UpstreamBacklog(
            @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String applicationId,
            @ConfigProperty(name = "emi.indicator.backlog.poll", defaultValue = "250ms") Duration poll,
            @ConfigProperty(name = "emi.indicator.backlog.threshold", defaultValue = "1000") long threshold,
            AvroSerdes serdes) {
        this.bootstrapServers = bootstrapServers;
        this.applicationId = applicationId;
        this.poll = poll;
        this.threshold = threshold;
        this.serdes = serdes;
    }

    void start(@Observes StartupEvent started) {
        Map<String, Object> config = new HashMap<>(KafkaClientSecurity.properties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationId + "-backlog");
        Set<String> topics = new HashSet<>();
        TOPICS_BY_SOURCE.values().forEach(topics::addAll);
        follower = new ProgressFollower(config, serdes.valueSerde(StageProgress.class).deserializer(), topics, poll);
        follower.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (follower != null) {
            follower.stop();
        }
    }

    /** How many records of {@code source} wait upstream; 0 when unknown. */
    public long waiting(String source) {
        Optional<ProgressFollower.Reading> reading = follower == null ? Optional.empty() : follower.latest();
        return reading.map(read -> InputBacklog.waiting(read.entries().values(), read.endOffsets(),
                TOPICS_BY_SOURCE.getOrDefault(source, Set.of()))).orElse(0L);
    }

    /** Whether more than the threshold of records of {@code source} wait upstream; false when unknown. */
    public boolean backlogged(String source) {
        return waiting(source) > threshold;
    }
}
