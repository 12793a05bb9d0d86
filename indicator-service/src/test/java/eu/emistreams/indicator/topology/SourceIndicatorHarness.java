package eu.emistreams.indicator.topology;

import eu.emistreams.events.Topics;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Drives the whole indicator topology (every branch, as the service runs it) with
 * TopologyTestDriver, feeds the trade, production and investment topics and keeps what a
 * compacted read of each indicator topic would show.
 */
final class SourceIndicatorHarness implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ClassifiedTrade> trade;
    private final TestInputTopic<String, ClassifiedProduction> production;
    private final TestInputTopic<String, ClassifiedRound> investment;
    private final Map<String, TestOutputTopic<IndicatorKey, IndicatorValue>> outputs = new HashMap<>();
    private final Map<IndicatorKey, IndicatorValue> compacted = new HashMap<>();

    SourceIndicatorHarness(StateStoreKind storeKind) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "emi-indicator");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, newStateDir().toString());
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        IndicatorSerdes serdes = AvroBinarySerde.indicatorSerdes();
        driver = new TopologyTestDriver(
                IndicatorTopology.topology(config, serdes, IndicatorTopologyHarness.SCHEDULE, storeKind), config,
                Instant.parse("2026-01-01T00:00:00Z"));
        trade = driver.createInputTopic(Topics.TRADE_CLASSIFIED, Serdes.String().serializer(),
                serdes.classifiedTrade().serializer());
        production = driver.createInputTopic(Topics.PRODUCTION_CLASSIFIED, Serdes.String().serializer(),
                serdes.classifiedProduction().serializer());
        investment = driver.createInputTopic(Topics.INVESTMENT_CLASSIFIED, Serdes.String().serializer(),
                serdes.classifiedRound().serializer());
        for (String topic : List.of(Topics.INDICATORS_TRADE, Topics.INDICATORS_PRODUCTION,
                Topics.INDICATORS_INVESTMENT, Topics.INDICATORS_PATENT)) {
            outputs.put(topic, driver.createOutputTopic(topic, serdes.indicatorKey().deserializer(),
                    serdes.indicatorValue().deserializer()));
        }
    }

    void trade(String key, String country, int year, String flow, double valueUsd, List<String> codes,
            String release) {
        trade.pipeInput(key, new ClassifiedTrade(country, year, flow, "000000", valueUsd, codes, release, "c1"));
    }

    void trade(String key, String country, int year, String flow, double valueUsd, List<String> codes) {
        trade(key, country, year, flow, valueUsd, codes, "T1");
    }

    void retractTrade(String key) {
        trade.pipeInput(key, null);
    }

    void production(String key, String country, int year, double valueEur, List<String> codes, String release) {
        production.pipeInput(key, new ClassifiedProduction(country, year, "00000000", valueEur, codes, release, "c1"));
    }

    void production(String key, String country, int year, double valueEur, List<String> codes) {
        production(key, country, year, valueEur, codes, "P1");
    }

    void retractProduction(String key) {
        production.pipeInput(key, null);
    }

    void round(String key, String country, Integer year, String type, boolean peVc, Double amountUsd,
            List<String> codes, String release) {
        investment.pipeInput(key, new ClassifiedRound(country, year, type, peVc, amountUsd, codes, release, "c1"));
    }

    void round(String key, String country, Integer year, boolean peVc, Double amountUsd, List<String> codes) {
        round(key, country, year, peVc ? "seed" : "grant", peVc, amountUsd, codes, "C1");
    }

    void retractRound(String key) {
        investment.pipeInput(key, null);
    }

    /** Lets wall-clock time pass and returns what was published meanwhile, on every indicator topic. */
    List<KeyValue<IndicatorKey, IndicatorValue>> advance(Duration wallClock) {
        driver.advanceWallClockTime(wallClock);
        List<KeyValue<IndicatorKey, IndicatorValue>> published = new ArrayList<>();
        for (TestOutputTopic<IndicatorKey, IndicatorValue> output : outputs.values()) {
            published.addAll(output.readKeyValuesToList());
        }
        for (KeyValue<IndicatorKey, IndicatorValue> record : published) {
            if (record.value == null) {
                compacted.remove(record.key);
            } else {
                compacted.put(record.key, record.value);
            }
        }
        return published;
    }

    List<KeyValue<IndicatorKey, IndicatorValue>> settle() {
        return advance(IndicatorTopologyHarness.SETTLE);
    }

    /** The latest value of every indicator published so far, on every indicator topic. */
    Map<IndicatorKey, IndicatorValue> compacted() {
        return compacted;
    }

    IndicatorValue get(String indicator, String country, String code, int year) {
        return compacted.get(new IndicatorKey(indicator, country, code, year));
    }

    double value(String indicator, String country, String code, int year) {
        IndicatorValue value = get(indicator, country, code, year);
        if (value == null) {
            throw new AssertionError("no " + indicator + " for " + country + " " + code + " " + year);
        }
        return value.getValue();
    }

    long count(String indicatorPrefix, int year) {
        return compacted.keySet().stream()
                .filter(k -> k.getIndicator().startsWith(indicatorPrefix) && k.getYear() == year).count();
    }

    @Override
    public void close() {
        driver.close();
    }

    /** Under target/, not the OS temp directory, which Kafka Streams warns may be cleared under it. */
    private static Path newStateDir() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "topology-test-state"));
            return Files.createTempDirectory(parent, "driver-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
