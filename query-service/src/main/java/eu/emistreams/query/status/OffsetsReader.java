package eu.emistreams.query.status;

import eu.emistreams.query.config.QueryConfig;
import eu.emistreams.query.serving.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads, with the admin client, the offsets that decide whether the pipeline is settled. */
@ApplicationScoped
public class OffsetsReader {

    private static final long TIMEOUT_SECONDS = 5;

    @Inject
    Admin admin;

    @Inject
    QueryConfig config;

    @ConfigProperty(name = "quarkus.kafka-streams.application-id")
    String ownApplicationId;

    private TopicLayout layout;

    public OffsetsSnapshot read() {
        try {
            try {
                return readOrFail();
            } catch (ExecutionException e) {
                // A topic deleted since the layout was read: read it again, once.
                forgetTopicLayout();
                return readOrFail();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while reading offsets", 1, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("the broker did not answer the offsets: " + e, 2, e);
        }
    }

    /**
     * Forgets the topics and partitions read before, so that the next read lists them again: the
     * status service calls it when an ingest report changed, since a new release may come with
     * new topics.
     */
    public synchronized void forgetTopicLayout() {
        layout = null;
    }

    /** The topics and their partition counts, read at most every {@code emi.query.topic-layout-ttl}. */
    private record TopicLayout(Map<String, Integer> partitionsByTopic, long readAtNanos) {
    }

    private synchronized TopicLayout topicLayout(Set<String> wanted)
            throws InterruptedException, ExecutionException, TimeoutException {
        long now = System.nanoTime();
        if (layout != null && now - layout.readAtNanos() < config.topicLayoutTtl().toNanos()) {
            return layout;
        }
        Set<String> existing = await(admin.listTopics().names());
        Set<String> describe = new HashSet<>();
        for (String topic : existing) {
            if (wanted.contains(topic) || isRepartitionTopic(topic)) {
                describe.add(topic);
            }
        }
        Map<String, TopicDescription> descriptions = describe.isEmpty()
                ? Map.of() : await(admin.describeTopics(describe).allTopicNames());
        Map<String, Integer> partitionsByTopic = new HashMap<>();
        for (String topic : existing) {
            TopicDescription description = descriptions.get(topic);
            partitionsByTopic.put(topic, description == null ? 0 : description.partitions().size());
        }
        layout = new TopicLayout(Map.copyOf(partitionsByTopic), now);
        return layout;
    }

    private boolean isRepartitionTopic(String topic) {
        return config.pipelineGroups().stream().anyMatch(group -> isRepartitionTopicOf(topic, group));
    }

    /** Streams names its repartition topics {@code <application.id>-<name>-repartition}. */
    private static boolean isRepartitionTopicOf(String topic, String group) {
        return topic.startsWith(group + "-") && topic.endsWith("-repartition");
    }

    private OffsetsSnapshot readOrFail() throws InterruptedException, ExecutionException, TimeoutException {
        List<String> groups = config.pipelineGroups();
        Map<String, Set<String>> wantedByGroup = new HashMap<>();
        for (String group : groups) {
            Set<String> topics = new LinkedHashSet<>(config.groupSourceTopics().getOrDefault(group, List.of()));
            if (group.equals(ownApplicationId)) {
                topics.addAll(config.indicatorTopics());
                topics.add(config.variantTopic());
            }
            wantedByGroup.put(group, topics);
        }
        Set<String> wanted = wantedByGroup.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Map<String, Integer> partitionsByTopic = topicLayout(wanted).partitionsByTopic();

        Map<String, Map<TopicPartition, Long>> committed = committedOffsets(groups);

        Map<String, Set<TopicPartition>> groupPartitions = new HashMap<>();
        Set<TopicPartition> allPartitions = new HashSet<>();
        for (String group : groups) {
            Set<String> topics = new LinkedHashSet<>(wantedByGroup.get(group));
            partitionsByTopic.keySet().stream()
                    .filter(topic -> isRepartitionTopicOf(topic, group))
                    .forEach(topics::add);
            Set<TopicPartition> partitions = new HashSet<>(committed.get(group).keySet());
            for (String topic : topics) {
                int count = partitionsByTopic.getOrDefault(topic, 0);
                for (int partition = 0; partition < count; partition++) {
                    partitions.add(new TopicPartition(topic, partition));
                }
            }
            // A committed partition of a topic deleted since has no offsets left to compare with.
            partitions.removeIf(partition -> !partitionsByTopic.containsKey(partition.topic()));
            groupPartitions.put(group, partitions);
            allPartitions.addAll(partitions);
        }

        Map<TopicPartition, Long> start = offsets(allPartitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(allPartitions, OffsetSpec.latest());
        return new OffsetsSnapshot(groupPartitions, committed, start, end);
    }

    /** The committed offsets of every group, asked in one request; a group that never committed has none. */
    private Map<String, Map<TopicPartition, Long>> committedOffsets(List<String> groups)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult answer = admin.listConsumerGroupOffsets(specs);
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets;
            try {
                offsets = await(answer.partitionsToOffsetAndMetadata(group));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    committed.put(group, Map.of());
                    continue;
                }
                throw e;
            }
            Map<TopicPartition, Long> groupOffsets = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    groupOffsets.put(partition, offset.offset());
                }
            });
            committed.put(group, groupOffsets);
        }
        return committed;
    }

    /**
     * The committed end offsets of the partitions {@link ProgressReader} reads: where a
     * read_committed consumer stops, past the markers of the transactions committed so far.
     */
    public Map<TopicPartition, Long> committedEnds(Set<TopicPartition> partitions) {
        try {
            return offsets(partitions, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while reading offsets", 1, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("the broker did not answer the offsets: " + e, 2, e);
        }
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        // Uncommitted: records of an open transaction are lag, not the end of the log.
        return offsets(partitions, spec, IsolationLevel.READ_UNCOMMITTED);
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec, IsolationLevel isolation)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        ListOffsetsOptions options = new ListOffsetsOptions(isolation);
        Map<TopicPartition, ListOffsetsResultInfo> answer = await(admin.listOffsets(request, options).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T await(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
