package eu.emistreams.indicator.api;

import eu.emistreams.events.EventTopics;
import eu.emistreams.indicator.store.ContributionIntervals;
import eu.emistreams.indicator.store.YearStatus;
import eu.emistreams.indicator.topology.IndicatorDefinitions;
import eu.emistreams.indicator.topology.IndicatorTopology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The years of this instance whose sums changed and whose indicators are not yet published, per
 * indicator family (patent, trade, production, investment), and whether applications read are
 * still waiting to be forwarded to the patent aggregate. Input offsets are committed before the
 * punctuators that forward and publish run, so consumer lag alone cannot tell that the indicator
 * stage is done; empty lists and no application waiting can. This endpoint is for people: the
 * query service's "settled" reads the same facts from each task's entry on emi.progress.
 */
@ApplicationScoped
public class PendingYears {

    private static final int ATTEMPTS = 4;
    private static final long FIRST_BACKOFF_MS = 50;

    @Inject
    KafkaStreams streams;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    /** What this instance holds unpublished. */
    public record Unpublished(Map<String, List<Integer>> yearsByFamily, boolean applicationsUnforwarded) {
    }

    /** What is unpublished, or empty when a store cannot be queried (starting, rebalancing, stopped, failed). */
    public Optional<Unpublished> list() {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            if (!streams.state().isRunningOrRebalancing()) {
                // ERROR or shutting down: the stores cannot be asked, which is an answer, not a fault of the request.
                return Optional.empty();
            }
            try {
                Map<String, List<Integer>> pending = new LinkedHashMap<>();
                IndicatorTopology.YEAR_STATUS_STORES.forEach((family, store) ->
                        pending.put(family, unlessHostedElsewhere(store, () -> read(store), List.of())));
                return Optional.of(new Unpublished(pending, unlessHostedElsewhere(IndicatorDefinitions.PATENT_INTERVALS_STORE,
                        this::applicationsUnforwarded, false)));
            } catch (InvalidStateStoreException | IllegalStateException notReady) {
                // IllegalStateException: the client left RUNNING between the check above and the query.
                if (attempt == ATTEMPTS) {
                    return Optional.empty();
                }
                if (!sleep(backoff)) {
                    return Optional.empty();
                }
                backoff *= 2;
            }
        }
    }

    /**
     * Reads a store of this instance; where the instance runs but holds no active partition of
     * the store (a new instance warms standby copies first), nothing of it is pending here.
     */
    private <T> T unlessHostedElsewhere(String storeName, java.util.function.Supplier<T> read, T nothingHere) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            if (streams.state() == KafkaStreams.State.RUNNING && !hostsActivePartitions(storeName)) {
                return nothingHere;
            }
            throw e;
        }
    }

    private boolean hostsActivePartitions(String storeName) {
        org.apache.kafka.streams.state.HostInfo self = org.apache.kafka.streams.state.HostInfo.buildFromEndpoint(
                applicationServer);
        // stateStoreNames() are the stores of a client's active tasks; standby copies are listed apart.
        return streams.metadataForAllStreamsClients().stream()
                .anyMatch(client -> client.hostInfo().equals(self) && client.stateStoreNames().contains(storeName));
    }

    private List<Integer> read(String storeName) {
        ReadOnlyKeyValueStore<Integer, YearStatus> store = streams.store(StoreQueryParameters.fromNameAndType(
                storeName, QueryableStoreTypes.<Integer, YearStatus>keyValueStore()));
        List<Integer> pending = new ArrayList<>();
        try (KeyValueIterator<Integer, YearStatus> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.dirty()) {
                    pending.add(entry.key);
                }
            });
        }
        return pending;
    }

    /**
     * Whether a patent contribution task of this instance changed a record in a forward interval
     * later than the last it forwarded. Each task's store holds its own pair of keys, so each is
     * asked apart.
     */
    private boolean applicationsUnforwarded() {
        for (var thread : streams.metadataForLocalThreads()) {
            for (var task : thread.activeTasks()) {
                if (task.topicPartitions().stream().noneMatch(tp -> tp.topic().equals(EventTopics.PATENTS_CLASSIFIED.name()))) {
                    continue;
                }
                ReadOnlyKeyValueStore<String, Long> intervals = streams.store(StoreQueryParameters.fromNameAndType(
                                IndicatorDefinitions.PATENT_INTERVALS_STORE, QueryableStoreTypes.<String, Long>keyValueStore())
                        .withPartition(task.taskId().partition()));
                long changed = Objects.requireNonNullElse(intervals.get(ContributionIntervals.CHANGED), 0L);
                long forwarded = Objects.requireNonNullElse(intervals.get(ContributionIntervals.FORWARDED), 0L);
                if (changed > forwarded) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The client's state, for the answer that says why nothing can be listed. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
