package eu.emistreams.indicator.topology;

import eu.emistreams.events.Topics;
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
 * Classified applications in, patent indicators out:
 * <pre>
 * emi.patents.classified ─► patent-contributions (changes combined per year, forwarded every interval)
 *     ─► patent-sum-changes-by-year (repartition by year)
 *     ─► patent-year-aggregates (sums, wall-clock publication) ─► emi.indicators.patent
 * </pre>
 * The names of processors, stores and the repartition topic are a contract with the state of
 * running instances: renaming one rebuilds that state.
 */
public final class PatentIndicatorTopology {

    public static final String SOURCE = "patent-classified-source";
    public static final String CONTRIBUTIONS = "patent-contributions";
    /** Was {@code patent-deltas-by-year} (one record per application) before the changes were combined. */
    public static final String SUM_CHANGES_BY_YEAR = "patent-sum-changes-by-year";
    public static final String YEAR_AGGREGATES = "patent-year-aggregates";
    public static final String SINK = "patent-indicators-sink";

    /** The store a reader polls to learn whether applications read are still waiting to reach the aggregate. */
    public static final String UNFORWARDED_STORE = PatentContributionProcessor.PENDING_STORE;

    /** The store a reader polls to learn whether computed indicators are still waiting to be published. */
    public static final String YEAR_STATUS_STORE = PatentYearAggregateProcessor.STATUS_STORE;

    private PatentIndicatorTopology() {
    }

    /**
     * Builds the topology with the topology-level settings of {@code streamsConfig} (optimization,
     * explicit naming of internal resources), which Kafka Streams reads at build time only.
     */
    public static Topology topology(
            Properties streamsConfig, IndicatorSerdes serdes, PublicationSchedule schedule, StateStoreKind storeKind) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsConfig)));
        build(builder, serdes, schedule, storeKind);
        IngestActivity.addTo(builder, serdes, storeKind);
        return builder.build(streamsConfig);
    }

    public static void build(
            StreamsBuilder builder, IndicatorSerdes serdes, PublicationSchedule schedule, StateStoreKind storeKind) {
        builder.stream(Topics.PATENTS_CLASSIFIED,
                        Consumed.with(Serdes.String(), serdes.classifiedPatent()).withName(SOURCE))
                .process(PatentContributionProcessor.supplier(schedule, storeKind), Named.as(CONTRIBUTIONS))
                .repartition(Repartitioned.with(Serdes.Integer(), InternalSerdes.yearSumChanges()).withName(SUM_CHANGES_BY_YEAR))
                .process(PatentYearAggregateProcessor.supplier(schedule, storeKind), Named.as(YEAR_AGGREGATES))
                .to(Topics.INDICATORS_PATENT,
                        Produced.with(serdes.indicatorKey(), serdes.indicatorValue()).withName(SINK));
    }
}
