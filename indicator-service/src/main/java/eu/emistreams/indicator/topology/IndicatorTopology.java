package eu.emistreams.indicator.topology;

import eu.emistreams.events.EventTopics;
import eu.emistreams.indicator.aggregate.YearAggregateProcessor;
import eu.emistreams.indicator.contribution.ContributionProcessor;
import eu.emistreams.indicator.definition.IndicatorDefinition;
import eu.emistreams.indicator.publish.IngestActivity;
import eu.emistreams.indicator.publish.PublicationSchedule;
import eu.emistreams.indicator.store.StateStoreKind;
import eu.emistreams.streams.progress.TaskProgress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The whole indicator service: one branch per family of {@link IndicatorDefinitions}, each its own
 * pair of sub-topologies, and the global store of ingest activity:
 * <pre>
 * emi.F.classified ─► F-contributions ─► (repartition by year) ─► F-year-aggregates ─► emi.indicators.F
 * </pre>
 * The patents' repartition is {@code patent-sum-changes-by-year}, the others' {@code F-deltas-by-year}.
 * Each {@code F-year-aggregates} and {@code F-contributions} also writes its task's progress
 * (pending work; for the contributions, how far each has read its classified partition) to
 * emi.progress through a sink
 * {@code <processor>-progress-sink} ({@link TaskProgress}); the sinks join the sub-topologies of
 * their processors, so that no sub-topology, task, store or internal topic changes.
 */
public final class IndicatorTopology {

    /** Per indicator family, the store that says which of its years wait to be published. */
    public static final Map<String, String> YEAR_STATUS_STORES = yearStatusStores();

    private IndicatorTopology() {
    }

    /**
     * Builds every branch with the topology-level settings of {@code streamsConfig} (optimization,
     * explicit naming of internal resources), which Kafka Streams reads at build time only.
     */
    public static Topology topology(
            Properties streamsConfig, IndicatorSerdes serdes, PublicationSchedule schedule, StateStoreKind storeKind) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsConfig)));
        for (IndicatorDefinition<?, ?, ?> definition : IndicatorDefinitions.all(serdes)) {
            addBranch(builder, serdes, definition, schedule, storeKind);
        }
        // After every branch, so that the sub-topologies keep their ids.
        IngestActivity.addTo(builder, serdes.ingestReport(), storeKind);
        Topology topology = builder.build(streamsConfig);
        for (IndicatorDefinition<?, ?, ?> definition : IndicatorDefinitions.all(serdes)) {
            TaskProgress.addSink(topology, definition.contributions(), EventTopics.PROGRESS.name(), serdes.progress().serializer());
            TaskProgress.addSink(topology, definition.yearAggregates(), EventTopics.PROGRESS.name(), serdes.progress().serializer());
            // A child of the aggregate in its sub-topology, like the progress sinks: no task or store moves.
            topology.addSink(definition.variantSinkNode(), EventTopics.INDICATORS_VARIANTS.name(),
                    serdes.variantIndicatorKey().serializer(), serdes.indicatorValue().serializer(),
                    definition.yearAggregates());
        }
        return topology;
    }

    /** One family: contributions per record, changes repartitioned by year, yearly sums and publication. */
    static <V, M> void addBranch(StreamsBuilder builder, IndicatorSerdes serdes,
            IndicatorDefinition<V, ?, M> definition, PublicationSchedule schedule, StateStoreKind storeKind) {
        builder.stream(definition.classifiedTopic(),
                        Consumed.with(Serdes.String(), definition.classified()).withName(definition.sourceNode()))
                .process(ContributionProcessor.supplier(definition, schedule, storeKind),
                        Named.as(definition.contributions()))
                // Every year lives in one partition: one task owns all its sums and ranks them locally.
                .repartition(Repartitioned.with(Serdes.Integer(), definition.measure().changesSerde())
                        .withName(definition.changesByYear()))
                .process(YearAggregateProcessor.supplier(definition, schedule),
                        Named.as(definition.yearAggregates()))
                .to(definition.indicatorTopic(), Produced.with(serdes.indicatorKey(), serdes.indicatorValue())
                        .withName(definition.sinkNode()));
    }

    private static Map<String, String> yearStatusStores() {
        Map<String, String> stores = new LinkedHashMap<>();
        for (String family : IndicatorDefinitions.FAMILIES) {
            stores.put(family, IndicatorDefinition.statusStoreOf(family));
        }
        return Collections.unmodifiableMap(stores);
    }
}
