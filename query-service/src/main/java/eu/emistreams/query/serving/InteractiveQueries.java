package eu.emistreams.query.serving;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.query.config.QueryConfig;
import eu.emistreams.query.topology.QueryStores;
import io.micrometer.core.annotation.Timed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one entry point to the state of this service. An indicator query is answered partition by
 * partition: the partitions this instance holds from its own store, the others by their active
 * instance over HTTP (server-side, with a timeout, one hop). The answer is complete or it is not
 * given: a partition without an active instance, an instance that does not answer, or a store in
 * restore ends, after bounded retries, in {@link StoreUnavailableException}.
 */
@ApplicationScoped
public class InteractiveQueries {

    @Inject
    KafkaStreams streams;

    @Inject
    QueryConfig config;

    @Inject
    IndicatorPartitions indicatorPartitions;

    @Inject
    RemoteIndicatorClient remote;

    @Inject
    StoreRetry retry;

    /** The address this instance advertises to the others; host and port both identify it. */
    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    Optional<String> applicationServer;

    private Optional<HostInfo> self;

    /** What a query answers: rows as the public API serves them, or rows with their provenance. */
    private record RowKind<R>(BiFunction<IndicatorKey, IndicatorValue, R> toRow, Comparator<R> order, RemoteFetch<R> remote) {
    }

    @FunctionalInterface
    private interface RemoteFetch<R> {
        CompletableFuture<List<R>> fetch(RemoteIndicatorClient client, HostInfo host, IndicatorFilter filter, Set<Integer> partitions);
    }

    private static final RowKind<IndicatorRow> ROWS =
            new RowKind<>(IndicatorRow::of, IndicatorRow.ORDER, RemoteIndicatorClient::fetch);

    private static final RowKind<IndicatorRowWithProvenance> ROWS_WITH_PROVENANCE = new RowKind<>(
            IndicatorRowWithProvenance::of, IndicatorRowWithProvenance::compare, RemoteIndicatorClient::fetchWithProvenance);

    @PostConstruct
    void init() {
        self = applicationServer.filter(s -> !s.isBlank()).map(HostInfo::buildFromEndpoint);
    }

    /** The matching rows of every instance, and whether they all came from this instance's partitions. */
    public record IndicatorAnswer(List<IndicatorRow> rows, boolean fromThisInstanceOnly) {
    }

    /**
     * The matching rows of every instance, sorted by {@link IndicatorRow#ORDER}, saying whether
     * another instance was asked.
     */
    @Timed(value = "emi.query.indicators", extraTags = {"scope", "cluster"},
            description = "Indicator queries answered from every instance")
    public IndicatorAnswer indicatorAnswer(IndicatorFilter filter) {
        return retry.call("the indicators store", () -> {
            Gathered<IndicatorRow> gathered = queryEveryInstance(filter, ROWS);
            return new IndicatorAnswer(gathered.rows(), !gathered.askedOthers());
        });
    }

    /** As {@link #indicatorAnswer}, each row with the releases and concordance it was computed from. */
    @Timed(value = "emi.query.indicators", extraTags = {"scope", "cluster-provenance"},
            description = "Indicator queries with provenance answered from every instance")
    public List<IndicatorRowWithProvenance> indicatorsWithProvenance(IndicatorFilter filter) {
        return retry.call("the indicators store", () -> queryEveryInstance(filter, ROWS_WITH_PROVENANCE).rows());
    }

    /**
     * The matching rows of the given partitions, which must be active on this instance; all the
     * partitions this instance holds when {@code partitions} is empty.
     */
    @Timed(value = "emi.query.indicators", extraTags = {"scope", "local"},
            description = "Indicator queries answered from this instance's partitions")
    public List<IndicatorRow> localIndicators(IndicatorFilter filter, Set<Integer> partitions) {
        return retry.call("the local indicators store", () -> queryLocal(filter, partitions, ROWS));
    }

    /** As {@link #localIndicators}, each row with its provenance. */
    @Timed(value = "emi.query.indicators", extraTags = {"scope", "local-provenance"},
            description = "Indicator queries with provenance answered from this instance's partitions")
    public List<IndicatorRowWithProvenance> localIndicatorsWithProvenance(IndicatorFilter filter, Set<Integer> partitions) {
        return retry.call("the local indicators store", () -> queryLocal(filter, partitions, ROWS_WITH_PROVENANCE));
    }

    /** Every ingest report by {@code source/release}, from the global store every instance holds. */
    public Map<String, IngestReport> ingestReports() {
        return retry.call("the ingest reports store", () -> {
            requireStarted();
            Map<String, IngestReport> reports = new TreeMap<>();
            try (KeyValueIterator<String, IngestReport> all = ingestReportsStore().all()) {
                all.forEachRemaining(entry -> {
                    if (entry.value != null) {
                        reports.put(entry.key, entry.value);
                    }
                });
            }
            return reports;
        });
    }

    /**
     * Whether this instance can answer now: Streams is running, the global store is readable and so
     * is every partition of the indicators store it holds. For the readiness check: no retries.
     */
    public Optional<String> notQueryableReason() {
        try {
            if (streams.state() != KafkaStreams.State.RUNNING) {
                return Optional.of("Kafka Streams is " + streams.state());
            }
            ingestReportsStore().approximateNumEntries();
            for (int partition : localPartitions()) {
                indicatorsStore(partition).approximateNumEntries();
            }
            for (int partition : localPartitions(true)) {
                variantIndicatorsStore(partition).approximateNumEntries();
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Rows gathered from the instances, and whether any instance but this one answered. */
    private record Gathered<R>(List<R> rows, boolean askedOthers) {
    }

    private <R> Gathered<R> queryEveryInstance(IndicatorFilter filter, RowKind<R> kind) {
        requireStarted();
        if (self.isEmpty()) {
            // Without application.server there is no metadata about other instances: a lone instance.
            return new Gathered<>(queryLocal(filter, Set.of(), kind), false);
        }
        Map<HostInfo, Set<Integer>> owners = activePartitionsByHost(filter.underVariant());
        Set<Integer> expected = filter.underVariant() ? indicatorPartitions.allOfVariants() : indicatorPartitions.all();
        Set<Integer> unowned = new TreeSet<>(expected);
        owners.values().forEach(unowned::removeAll);
        if (!unowned.isEmpty()) {
            indicatorPartitions.refresh();
            throw new StoreUnavailableException("partitions " + unowned + " of the " + storeName(filter.underVariant())
                    + " store have no active instance", 1, null);
        }

        Map<HostInfo, CompletableFuture<List<R>>> remoteAnswers = new LinkedHashMap<>();
        owners.forEach((host, partitions) -> {
            if (!host.equals(self.get())) {
                remoteAnswers.put(host, kind.remote().fetch(remote, host, filter, partitions));
            }
        });
        List<R> rows = new ArrayList<>();
        Set<Integer> ownPartitions = owners.get(self.get());
        if (ownPartitions != null) {
            rows.addAll(queryLocal(filter, ownPartitions, kind));
        }
        remoteAnswers.forEach((host, answer) -> rows.addAll(await(host, answer)));
        rows.sort(kind.order());
        return new Gathered<>(rows, !remoteAnswers.isEmpty());
    }

    private <R> List<R> queryLocal(IndicatorFilter filter, Set<Integer> partitions, RowKind<R> kind) {
        requireStarted();
        if (filter.underVariant()) {
            List<R> rows = new ArrayList<>();
            for (int partition : partitions.isEmpty() ? localPartitions(true) : partitions) {
                rows.addAll(LocalIndicatorQuery.run(new VariantStoreView(variantIndicatorsStore(partition), filter.variant()),
                        filter, kind.toRow(), kind.order()));
            }
            if (partitions.isEmpty() && self.isEmpty()) {
                rows.addAll(LocalIndicatorQuery.run(new VariantStoreView(streams.store(StoreQueryParameters.fromNameAndType(
                                QueryStores.VARIANT_INDICATORS, QueryableStoreTypes.<VariantIndicatorKey, IndicatorValue>keyValueStore())),
                        filter.variant()), filter, kind.toRow(), kind.order()));
            }
            rows.sort(kind.order());
            return rows;
        }
        if (partitions.isEmpty()) {
            return LocalIndicatorQuery.run(streams.store(StoreQueryParameters.fromNameAndType(
                            QueryStores.INDICATORS, QueryableStoreTypes.<IndicatorKey, IndicatorValue>keyValueStore())),
                    filter, kind.toRow(), kind.order());
        }
        List<R> rows = new ArrayList<>();
        for (int partition : partitions) {
            rows.addAll(LocalIndicatorQuery.run(indicatorsStore(partition), filter, kind.toRow(), kind.order()));
        }
        rows.sort(kind.order());
        return rows;
    }

    /**
     * Each partition once, at the instance where it is active (standbys are not asked), of the
     * {@code indicators} store or, for {@code variants}, of the {@code variant-indicators} store.
     */
    private Map<HostInfo, Set<Integer>> activePartitionsByHost(boolean variants) {
        Collection<StreamsMetadata> instances = streams.streamsMetadataForStore(storeName(variants));
        Set<String> topics = variants ? Set.of(config.variantTopic()) : Set.copyOf(config.indicatorTopics());
        Map<HostInfo, Set<Integer>> owners = new LinkedHashMap<>();
        Set<Integer> assigned = new TreeSet<>();
        for (StreamsMetadata instance : instances) {
            instance.topicPartitions().stream()
                    .filter(partition -> topics.contains(partition.topic()))
                    .map(partition -> partition.partition())
                    .filter(assigned::add)
                    .forEach(partition -> owners.computeIfAbsent(instance.hostInfo(), h -> new TreeSet<>()).add(partition));
        }
        return owners;
    }

    private Set<Integer> localPartitions() {
        return localPartitions(false);
    }

    private Set<Integer> localPartitions(boolean variants) {
        return self.map(host -> activePartitionsByHost(variants).getOrDefault(host, Set.of())).orElse(Set.of());
    }

    private static String storeName(boolean variants) {
        return variants ? QueryStores.VARIANT_INDICATORS : QueryStores.INDICATORS;
    }

    private ReadOnlyKeyValueStore<VariantIndicatorKey, IndicatorValue> variantIndicatorsStore(int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(
                        QueryStores.VARIANT_INDICATORS, QueryableStoreTypes.<VariantIndicatorKey, IndicatorValue>keyValueStore())
                .withPartition(partition));
    }

    private <R> List<R> await(HostInfo host, CompletableFuture<List<R>> answer) {
        long timeoutMillis = config.remote().requestTimeout().plus(config.remote().connectTimeout()).toMillis();
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while asking " + host, 1, e);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new StoreUnavailableException("instance " + host + " did not answer in time", 1, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("asking " + host + " failed", e.getCause());
        }
    }

    private void requireStarted() {
        KafkaStreams.State state = streams.state();
        if (!state.isRunningOrRebalancing()) {
            throw new StoreUnavailableException("Kafka Streams is " + state, 1, null);
        }
    }

    private ReadOnlyKeyValueStore<IndicatorKey, IndicatorValue> indicatorsStore(int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(
                        QueryStores.INDICATORS, QueryableStoreTypes.<IndicatorKey, IndicatorValue>keyValueStore())
                .withPartition(partition));
    }

    private ReadOnlyKeyValueStore<String, IngestReport> ingestReportsStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(
                QueryStores.INGEST_REPORTS, QueryableStoreTypes.<String, IngestReport>keyValueStore()));
    }
}
