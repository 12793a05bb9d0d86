package eu.emistreams.query.topology;

import static eu.emistreams.query.testing.Records.key;
import static eu.emistreams.query.testing.Records.report;
import static eu.emistreams.query.testing.Records.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.query.serving.IndicatorFilter;
import eu.emistreams.query.serving.LocalIndicatorQuery;
import eu.emistreams.query.serving.VariantStoreView;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.events.testing.AvroBinarySerde;
import eu.emistreams.query.serving.IndicatorFilter;
import eu.emistreams.query.serving.IndicatorRow;
import eu.emistreams.query.serving.LocalIndicatorQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.TopologyException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryTopologyTest {

    private static final String TRADE = "emi.indicators.trade";
    private static final QuerySerdes SERDES = new QuerySerdes(
            AvroBinarySerde.of(IndicatorKey.class),
            AvroBinarySerde.of(IndicatorValue.class),
            Serdes.String(),
            AvroBinarySerde.of(IngestReport.class),
            AvroBinarySerde.of(VariantIndicatorKey.class));

    private TopologyTestDriver driver;
    private TestInputTopic<IndicatorKey, IndicatorValue> patents;
    private TestInputTopic<IndicatorKey, IndicatorValue> trade;
    private TestInputTopic<String, IngestReport> reports;

    static Properties properties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "emi-query");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        properties.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        return properties;
    }

    @BeforeEach
    void start() {
        Topology topology = QueryTopology.build(SERDES, List.of(EventTopics.INDICATORS_PATENT.name(), TRADE), properties());
        driver = new TopologyTestDriver(topology, properties());
        patents = driver.createInputTopic(EventTopics.INDICATORS_PATENT.name(),
                SERDES.indicatorKey().serializer(), SERDES.indicatorValue().serializer());
        trade = driver.createInputTopic(TRADE, SERDES.indicatorKey().serializer(), SERDES.indicatorValue().serializer());
        reports = driver.createInputTopic(EventTopics.INGEST_REPORTS.name(),
                SERDES.ingestReportKey().serializer(), SERDES.ingestReport().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private KeyValueStore<IndicatorKey, IndicatorValue> indicators() {
        return driver.getKeyValueStore(QueryStores.INDICATORS);
    }

    private void publish(TestInputTopic<IndicatorKey, IndicatorValue> topic, IndicatorKey key, double value) {
        topic.pipeInput(key, value(key, value));
    }

    @Test
    void everyIndicatorTopicLandsInOneStore() {
        IndicatorKey share = key("patent.world_share", "BE", "AGRI", 2020);
        IndicatorKey exports = key("trade.exports", "BE", "AGRI", 2020);
        publish(patents, share, 1.234);
        publish(trade, exports, 5e9);

        assertEquals(1.234, indicators().get(share).getValue());
        assertEquals(5e9, indicators().get(exports).getValue());
        assertEquals(2, indicators().approximateNumEntries());
    }

    @Test
    void aLaterValueReplacesAndATombstoneDeletes() {
        IndicatorKey count = key("patent.count", "FR", "D.AI", 2019);
        publish(patents, count, 3.0);
        publish(patents, count, 4.5);
        assertEquals(4.5, indicators().get(count).getValue());

        patents.pipeInput(count, null);
        assertNull(indicators().get(count));
    }

    @Test
    void variantValuesHaveAStoreOfTheirOwnAndAreQueriedLikeTheIndicators() {
        TestInputTopic<VariantIndicatorKey, IndicatorValue> variants = driver.createInputTopic(
                EventTopics.INDICATORS_VARIANTS.name(), SERDES.variantIndicatorKey().serializer(),
                SERDES.indicatorValue().serializer());
        IndicatorKey share = key("patent.world_share", "BE", "AGRI", 2020);
        publish(patents, share, 1.0);
        variants.pipeInput(new VariantIndicatorKey("strict", "patent.world_share", "BE", "AGRI", 2020), value(share, 2.0));
        variants.pipeInput(new VariantIndicatorKey("strict", "patent.world_share", "FR", "AGRI", 2020), value(share, 3.0));
        variants.pipeInput(new VariantIndicatorKey("wide", "patent.world_share", "BE", "AGRI", 2020), value(share, 4.0));
        variants.pipeInput(new VariantIndicatorKey("wide", "patent.count", "BE", "AGRI", 2020), value(share, 5.0));
        variants.pipeInput(new VariantIndicatorKey("wide", "patent.count", "BE", "AGRI", 2020), null);

        assertEquals(1, indicators().approximateNumEntries(), "the indicators store holds the rules in force alone");
        KeyValueStore<VariantIndicatorKey, IndicatorValue> store = driver.getKeyValueStore(QueryStores.VARIANT_INDICATORS);
        IndicatorFilter be = IndicatorFilter.parse(List.of("patent.world_share"), List.of("BE"), null, null);
        assertEquals(List.of(2.0), LocalIndicatorQuery.run(new VariantStoreView(store, "strict"), be)
                .stream().map(row -> row.value()).toList());
        assertEquals(List.of(2.0, 3.0), LocalIndicatorQuery.run(new VariantStoreView(store, "strict"),
                IndicatorFilter.all()).stream().map(row -> row.value()).toList());
        assertEquals(List.of(4.0), LocalIndicatorQuery.run(new VariantStoreView(store, "wide"),
                IndicatorFilter.all()).stream().map(row -> row.value()).toList(), "a tombstone deletes");
        assertEquals(List.of(), LocalIndicatorQuery.run(new VariantStoreView(store, "strictly"),
                IndicatorFilter.all()), "a name that another starts with is another variant");
    }

    @Test
    void ingestReportsAreAGlobalStoreByKey() {
        reports.pipeInput("patstat/2024-spring", report("patstat", "2024-spring", "RUNNING", 10, 0, 0, 0, 0, 0));
        reports.pipeInput("patstat/2024-spring", report("patstat", "2024-spring", "COMPLETED", 10, 9, 5, 2, 1, 1));
        KeyValueStore<String, IngestReport> store = driver.getKeyValueStore(QueryStores.INGEST_REPORTS);
        assertEquals("COMPLETED", store.get("patstat/2024-spring").getStatus());
        assertEquals(9, store.get("patstat/2024-spring").getRead());
    }

    @Test
    void everyInternalResourceIsNamed() {
        String description = QueryTopology.build(SERDES, List.of(EventTopics.INDICATORS_PATENT.name()), properties())
                .describe().toString();
        assertTrue(description.contains("indicator-topics"), description);
        assertTrue(description.contains("indicators-table"), description);
        assertTrue(description.contains("stores: [indicators]"), description);
        assertTrue(description.contains("ingest-reports-source"), description);
        assertTrue(description.contains(EventTopics.INGEST_REPORTS.name()), description);
    }

    @Test
    void theExplicitNamingCheckIsOn() {
        // Proves the builder honours the setting passed in: an unnamed store is refused.
        Properties properties = properties();
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(properties)));
        builder.stream("in").groupByKey().count();
        assertThrows(TopologyException.class, () -> builder.build(properties));
    }

    @Test
    void needsAtLeastOneIndicatorTopic() {
        assertThrows(IllegalArgumentException.class, () -> QueryTopology.build(SERDES, List.of(), properties()));
    }

    @Test
    void pointLookupsPrefixScansAndFullScansAgreeWithABruteForceFilter() {
        Random random = new Random(7);
        String[] indicatorNames = {"patent.count", "patent.country_share", "patent.world_share", "patent.eu27_rank"};
        String[] countries = {"BE", "FR", "DE", "ZZ", "GR"};
        String[] codes = {"AGRI", "D.AI", "G.REN", "G.REN.SOLAR", "TOUR"};
        List<IndicatorRow> published = new ArrayList<>();
        for (String indicator : indicatorNames) {
            for (String country : countries) {
                for (String code : codes) {
                    for (int year = 2015; year <= 2020; year++) {
                        if (random.nextInt(3) > 0) {
                            IndicatorKey key = key(indicator, country, code, year);
                            double v = random.nextDouble();
                            publish(patents, key, v);
                            published.add(new IndicatorRow(indicator, country, code, year, v));
                        }
                    }
                }
            }
        }

        List<IndicatorFilter> filters = List.of(
                IndicatorFilter.all(),
                IndicatorFilter.parse(List.of("patent.count"), null, null, null),
                IndicatorFilter.parse(List.of("patent.count", "patent.eu27_rank"), List.of("BE", "ZZ"), null, null),
                IndicatorFilter.parse(null, List.of("GR"), List.of("G.REN"), null),
                IndicatorFilter.parse(null, null, null, List.of("2017")),
                IndicatorFilter.parse(List.of("patent.world_share"), List.of("FR"), List.of("D.AI", "TOUR"),
                        List.of("2015", "2016", "2020")),
                IndicatorFilter.parse(List.of("patent.world_share"), List.of("FR"), List.of("AGRI"), List.of("1999")));
        for (IndicatorFilter filter : filters) {
            List<IndicatorRow> expected = published.stream()
                    .filter(row -> filter.matches(row.key()))
                    .sorted(IndicatorRow.ORDER)
                    .toList();
            assertEquals(expected, LocalIndicatorQuery.run(indicators(), filter), filter.toString());
        }
    }
}
