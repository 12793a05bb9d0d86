package eu.emistreams.indicator.pacing;

import eu.emistreams.events.KafkaClientSecurity;
import eu.emistreams.events.Topics;
import eu.emistreams.indicator.topology.IndicatorDefinitions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How many records of each source still wait upstream of the indicator stage: the classifier's
 * lag on the source's event topic plus this service's lag on the classified topic and on the
 * source's repartition topic, read with the admin client every {@code emi.indicator.backlog.poll}.
 *
 * <p>While a backlog of more than {@code emi.indicator.backlog.threshold} records waits, the
 * indicator stage's input pauses are not the end of a change but the CPU being busy elsewhere
 * (a backfill catching up ran for half a minute after its ingest ended, republishing every year
 * at each pause); {@link eu.emistreams.indicator.publish.PublicationSchedule} holds the
 * source's years until the backlog is gone. A single change is far below the threshold and is
 * published after the quiet period as before.
 *
 * <p>It still reads another service's consumer group through the admin client; the next step is
 * to take the classifier's work from its tasks' entries on emi.progress, as the query service's
 * "settled" does, once those entries say how much each task has left.
 */
@ApplicationScoped
public class UpstreamBacklog {

    private static final Logger LOG = Logger.getLogger(UpstreamBacklog.class);

    /** The provenance source name of each family, with its event and classified topics and repartition name. */
    private record Family(String source, String eventTopic, String classifiedTopic, String repartitionName) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("patstat", Topics.PATSTAT_APPLICATIONS, Topics.PATENTS_CLASSIFIED,
                    IndicatorDefinitions.changesByYear(IndicatorDefinitions.PATENT)),
            new Family("comtrade", Topics.COMTRADE_FLOWS, Topics.TRADE_CLASSIFIED,
                    IndicatorDefinitions.changesByYear(IndicatorDefinitions.TRADE)),
            new Family("prodcom", Topics.PRODCOM_OBSERVATIONS, Topics.PRODUCTION_CLASSIFIED,
                    IndicatorDefinitions.changesByYear(IndicatorDefinitions.PRODUCTION)),
            new Family("crunchbase", Topics.CRUNCHBASE_ROUNDS, Topics.INVESTMENT_CLASSIFIED,
                    IndicatorDefinitions.changesByYear(IndicatorDefinitions.INVESTMENT)));

    private final String bootstrapServers;
    private final String classifierGroup;
    private final String ownGroup;
    private final Duration poll;
    private final long threshold;
    private final Map<String, Long> backlogBySource = new ConcurrentHashMap<>();
    private Admin admin;
    private ScheduledExecutorService poller;

    public UpstreamBacklog(
            @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers,
            @ConfigProperty(name = "emi.indicator.backlog.classifier-group", defaultValue = "emi-classifier")
            String classifierGroup,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String ownGroup,
            @ConfigProperty(name = "emi.indicator.backlog.poll", defaultValue = "250ms") Duration poll,
            @ConfigProperty(name = "emi.indicator.backlog.threshold", defaultValue = "1000") long threshold) {
        this.bootstrapServers = bootstrapServers;
        this.classifierGroup = classifierGroup;
        this.ownGroup = ownGroup;
        this.poll = poll;
        this.threshold = threshold;
    }

    void start(@Observes StartupEvent started) {
        admin = Admin.create(KafkaClientSecurity.withSecurity(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, ownGroup + "-backlog",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)));
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "upstream-backlog");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::refresh, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (poller != null) {
            poller.shutdownNow();
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** Whether more than the threshold of records of {@code source} wait upstream; false when unknown. */
    public boolean backlogged(String source) {
        return backlogBySource.getOrDefault(source, 0L) > threshold;
    }

    private void refresh() {
        try {
            Map<TopicPartition, Long> classifierCommitted = committed(classifierGroup);
            Map<TopicPartition, Long> ownCommitted = committed(ownGroup);
            Map<TopicPartition, Long> end = endOffsets(classifierCommitted.keySet(), ownCommitted.keySet());
            for (Family family : FAMILIES) {
                String repartition = ownGroup + "-" + family.repartitionName() + "-repartition";
                long backlog = lag(classifierCommitted, end, Set.of(family.eventTopic()))
                        + lag(ownCommitted, end, Set.of(family.classifiedTopic(), repartition));
                backlogBySource.put(family.source(), backlog);
            }
        } catch (Exception e) {
            // Unknown is no backlog: publication falls back to the quiet period.
            backlogBySource.clear();
            LOG.debugf("upstream backlog unknown: %s", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Map<TopicPartition, Long> committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin
                .listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec()))
                .partitionsToOffsetAndMetadata(group).get(5, TimeUnit.SECONDS);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    @SafeVarargs
    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition>... partitionSets) throws Exception {
        Map<TopicPartition, OffsetSpec> request = java.util.Arrays.stream(partitionSets).flatMap(Set::stream)
                .distinct().collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        if (request.isEmpty()) {
            return Map.of();
        }
        // Uncommitted: records of an open transaction are waiting too.
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                .get(5, TimeUnit.SECONDS).forEach((partition, info) -> end.put(partition, info.offset()));
        return end;
    }

    private static long lag(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end, Set<String> topics) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> partition : committed.entrySet()) {
            if (topics.contains(partition.getKey().topic())) {
                lag += Math.max(0, end.getOrDefault(partition.getKey(), partition.getValue()) - partition.getValue());
            }
        }
        return lag;
    }
}
