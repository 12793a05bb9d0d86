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

    public OffsetsSnapshot read() {
        try {
            return readOrFail();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while reading offsets", 1, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("the broker did not answer the offsets: " + e, 2, e);
        }
    }

    private OffsetsSnapshot readOrFail() throws InterruptedException, ExecutionException, TimeoutException {
        List<String> groups = config.pipelineGroups();
        Set<String> existingTopics = await(admin.listTopics().names());

        Map<String, Set<String>> topicsByGroup = new HashMap<>();
        for (String group : groups) {
            Set<String> topics = new LinkedHashSet<>(config.groupSourceTopics().getOrDefault(group, List.of()));
            if (group.equals(ownApplicationId)) {
                topics.addAll(config.indicatorTopics());
            }
            // Streams names its repartition topics <application.id>-<name>-repartition.
            existingTopics.stream()
                    .filter(topic -> topic.startsWith(group + "-") && topic.endsWith("-repartition"))
                    .forEach(topics::add);
            topics.retainAll(existingTopics);
            topicsByGroup.put(group, topics);
        }
        Set<String> describe = topicsByGroup.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Map<String, TopicDescription> descriptions = describe.isEmpty()
                ? Map.of() : await(admin.describeTopics(describe).allTopicNames());

        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        for (String group : groups) {
            committed.put(group, committedOffsets(group));
        }

        Map<String, Set<TopicPartition>> groupPartitions = new HashMap<>();
        Set<TopicPartition> allPartitions = new HashSet<>();
        for (String group : groups) {
            Set<TopicPartition> partitions = new HashSet<>(committed.get(group).keySet());
            for (String topic : topicsByGroup.get(group)) {
                descriptions.get(topic).partitions()
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            // A committed partition of a topic deleted since has no offsets left to compare with.
            partitions.removeIf(partition -> !existingTopics.contains(partition.topic()));
            groupPartitions.put(group, partitions);
            allPartitions.addAll(partitions);
        }

        Map<TopicPartition, Long> start = offsets(allPartitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(allPartitions, OffsetSpec.latest());
        return new OffsetsSnapshot(groupPartitions, committed, start, end);
    }

    private Map<TopicPartition, Long> committedOffsets(String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        try {
            offsets = await(admin.listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec()))
                    .partitionsToOffsetAndMetadata(group));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        // Uncommitted: records of an open transaction are lag, not the end of the log.
        ListOffsetsOptions options = new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> answer = await(admin.listOffsets(request, options).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T await(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
