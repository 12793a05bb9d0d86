package eu.emistreams.query.serving;

import eu.emistreams.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The partitions of the {@code indicators} store, that is the task partitions of the indicator
 * topics (partition i of every topic goes to the same task). A query is complete only when every
 * one of them is answered, so this is what an answer is checked against.
 */
@ApplicationScoped
public class IndicatorPartitions {

    /** Partition counts change only when an operator adds partitions: re-read them now and then. */
    private static final Duration REFRESH = Duration.ofSeconds(30);

    @Inject
    Admin admin;

    @Inject
    QueryConfig config;

    private Set<Integer> partitions = Set.of();
    private long readAtNanos;
    private Set<Integer> variantPartitions = Set.of();
    private long variantReadAtNanos;

    public synchronized Set<Integer> all() {
        if (partitions.isEmpty() || System.nanoTime() - readAtNanos > REFRESH.toNanos()) {
            partitions = read(config.indicatorTopics());
            readAtNanos = System.nanoTime();
        }
        return partitions;
    }

    /** The partitions of the {@code variant-indicators} store: those of the variant topic. */
    public synchronized Set<Integer> allOfVariants() {
        if (variantPartitions.isEmpty() || System.nanoTime() - variantReadAtNanos > REFRESH.toNanos()) {
            variantPartitions = read(List.of(config.variantTopic()));
            variantReadAtNanos = System.nanoTime();
        }
        return variantPartitions;
    }

    /** Forgets the cached counts, after an answer disagreed with them. */
    public synchronized void refresh() {
        partitions = Set.of();
        variantPartitions = Set.of();
    }

    private Set<Integer> read(List<String> topicNames) {
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(topicNames)
                    .allTopicNames().get(5, TimeUnit.SECONDS);
            Set<Integer> all = new TreeSet<>();
            topics.values().forEach(topic -> topic.partitions().forEach(p -> all.add(p.partition())));
            return Set.copyOf(all);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while reading the indicator topics", 1, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("the broker did not describe the indicator topics: " + e.getMessage(), 2, e);
        }
    }
}
