package eu.emistreams.query.topology;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.events.ingest.IngestReport;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Materializes what the HTTP API serves: all indicator topics into the partitioned store
 * {@value QueryStores#INDICATORS} (a tombstone deletes the key), the variants' indicators into
 * {@value QueryStores#VARIANT_INDICATORS}, and the ingest reports into the global store
 * {@value QueryStores#INGEST_REPORTS}.
 */
public final class QueryTopology {

    private QueryTopology() {
    }

    /**
     * @param indicatorTopics every indicator topic to serve; they must exist before the app starts
     * @param streamsProperties the Streams configuration; its topology settings (optimization,
     *     explicit internal naming) are applied while building
     */
    public static Topology build(QuerySerdes serdes, List<String> indicatorTopics, Properties streamsProperties) {
        return build(serdes, indicatorTopics, streamsProperties, () -> { });
    }

    public static Topology build(QuerySerdes serdes, List<String> indicatorTopics, Properties streamsProperties,
            Runnable storeChanged) {
        return build(serdes, indicatorTopics, EventTopics.INDICATORS_VARIANTS.name(), streamsProperties, storeChanged);
    }

    /**
     * @param storeChanged called after each write to the indicators store is visible to queries
     *     (downstream of the table), so kept answers are dropped ({@code serving.StoreGeneration})
     */
    public static Topology build(QuerySerdes serdes, List<String> indicatorTopics, String variantTopic,
            Properties streamsProperties, Runnable storeChanged) {
        if (indicatorTopics.isEmpty()) {
            throw new IllegalArgumentException("at least one indicator topic is needed");
        }
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProperties)));

        // One source over every indicator topic: partition i of each topic lands in task i, and the
        // store is one logical table of all indicators whatever topic they came from.
        builder.stream(indicatorTopics,
                        Consumed.with(serdes.indicatorKey(), serdes.indicatorValue()).withName("indicator-topics"))
                .toTable(Named.as("indicators-table"),
                        Materialized.<IndicatorKey, IndicatorValue, KeyValueStore<Bytes, byte[]>>as(QueryStores.INDICATORS)
                                .withKeySerde(new IndicatorStoreKeySerde())
                                .withValueSerde(serdes.indicatorValue()))
                .toStream(Named.as("indicator-changes"))
                .foreach((key, value) -> storeChanged.run(), Named.as("kept-answers-invalidation"));

        // The variants' values, a table of their own: the indicators store and its changelog stay as they were.
        builder.stream(variantTopic,
                        Consumed.with(serdes.variantIndicatorKey(), serdes.indicatorValue()).withName("variant-indicators-topic"))
                .toTable(Named.as("variant-indicators-table"),
                        Materialized.<VariantIndicatorKey, IndicatorValue, KeyValueStore<Bytes, byte[]>>as(
                                        QueryStores.VARIANT_INDICATORS)
                                .withKeySerde(new VariantStoreKeySerde())
                                .withValueSerde(serdes.indicatorValue()))
                .toStream(Named.as("variant-indicator-changes"))
                .foreach((key, value) -> storeChanged.run(), Named.as("variant-kept-answers-invalidation"));

        builder.globalTable(EventTopics.INGEST_REPORTS.name(),
                Consumed.with(serdes.ingestReportKey(), serdes.ingestReport()).withName("ingest-reports-source"),
                Materialized.<String, IngestReport, KeyValueStore<Bytes, byte[]>>as(QueryStores.INGEST_REPORTS)
                        .withKeySerde(serdes.ingestReportKey())
                        .withValueSerde(serdes.ingestReport()));

        return builder.build(streamsProperties);
    }
}
