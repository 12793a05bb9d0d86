package eu.emistreams.indicator.topology;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.events.progress.StageProgress;
import eu.emistreams.events.testing.AvroBinarySerde;
import eu.emistreams.indicator.calculation.ExactFraction;
import eu.emistreams.indicator.definition.IndicatorDefinition;
import eu.emistreams.indicator.definition.Measure;
import eu.emistreams.indicator.publish.PublicationSchedule;
import eu.emistreams.indicator.store.StateStoreKind;
import eu.emistreams.indicator.store.YearChanges;
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
 * TopologyTestDriver, feeds the classified topics of every family and keeps what a compacted read
 * of the indicator topics would show (latest value per key, tombstones removing keys).
 */
final class IndicatorTopologyHarness implements AutoCloseable {

    /** How often the patent contribution stage forwards its combined changes; {@link #forwardChanges()} lets it pass. */
    static final Duration FORWARD_INTERVAL = Duration.ofMillis(1);

    static final PublicationSchedule SCHEDULE = new PublicationSchedule(FORWARD_INTERVAL,
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60));

    /** Longer than the quiet period: every dirty year is due after it. */
    static final Duration SETTLE = Duration.ofSeconds(1);

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ClassifiedPatent> patents;
    private final TestInputTopic<String, ClassifiedTrade> trade;
    private final TestInputTopic<String, ClassifiedProduction> production;
    private final TestInputTopic<String, ClassifiedRound> investment;
    private final TestInputTopic<String, IngestReport> reports;
    private final List<TestOutputTopic<IndicatorKey, IndicatorValue>> outputs = new ArrayList<>();
    private final TestOutputTopic<String, ExactFraction> patentSumsChangelog;
    private final TestOutputTopic<Integer, YearChanges<ExactFraction>> patentChanges;
    private final Map<IndicatorKey, IndicatorValue> compacted = new HashMap<>();
    private final TestOutputTopic<String, StageProgress> progress;
    private final Map<String, StageProgress> compactedProgress = new HashMap<>();
    private final Map<String, ExactFraction> committedPatentSums = new HashMap<>();

    IndicatorTopologyHarness(StateStoreKind storeKind) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "emi-indicator");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, newStateDir().toString());
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        // Fails the build of the topology if any internal topic or store were left unnamed.
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        IndicatorSerdes serdes = new IndicatorSerdes(AvroBinarySerde.of(ClassifiedPatent.class),
                AvroBinarySerde.of(IndicatorKey.class), AvroBinarySerde.of(IndicatorValue.class),
                AvroBinarySerde.of(ClassifiedTrade.class), AvroBinarySerde.of(ClassifiedProduction.class),
                AvroBinarySerde.of(ClassifiedRound.class), AvroBinarySerde.of(IngestReport.class),
                AvroBinarySerde.of(StageProgress.class));
        driver = new TopologyTestDriver(IndicatorTopology.topology(config, serdes, SCHEDULE, storeKind), config,
                Instant.parse("2026-01-01T00:00:00Z"));
        patents = driver.createInputTopic(EventTopics.PATENTS_CLASSIFIED.name(), Serdes.String().serializer(),
                serdes.classifiedPatent().serializer());
        trade = driver.createInputTopic(EventTopics.TRADE_CLASSIFIED.name(), Serdes.String().serializer(),
                serdes.classifiedTrade().serializer());
        production = driver.createInputTopic(EventTopics.PRODUCTION_CLASSIFIED.name(), Serdes.String().serializer(),
                serdes.classifiedProduction().serializer());
        investment = driver.createInputTopic(EventTopics.INVESTMENT_CLASSIFIED.name(), Serdes.String().serializer(),
                serdes.classifiedRound().serializer());
        reports = driver.createInputTopic(EventTopics.INGEST_REPORTS.name(), Serdes.String().serializer(),
                serdes.ingestReport().serializer());
        for (String topic : List.of(EventTopics.INDICATORS_PATENT.name(), EventTopics.INDICATORS_TRADE.name(), EventTopics.INDICATORS_PRODUCTION.name(),
                EventTopics.INDICATORS_INVESTMENT.name())) {
            outputs.add(driver.createOutputTopic(topic, serdes.indicatorKey().deserializer(),
                    serdes.indicatorValue().deserializer()));
        }
        progress = driver.createOutputTopic(EventTopics.PROGRESS.name(), Serdes.String().deserializer(),
                serdes.progress().deserializer());
        IndicatorDefinition<?, ?, ExactFraction> patent = IndicatorDefinitions.patent(serdes.classifiedPatent());
        patentChanges = driver.createOutputTopic("emi-indicator-" + patent.changesByYear() + "-repartition",
                Serdes.Integer().deserializer(), Measure.EXACT_FRACTION.changesSerde().deserializer());
        patentSumsChangelog = driver.createOutputTopic("emi-indicator-" + patent.sumsStore() + "-changelog",
                Serdes.String().deserializer(), Measure.EXACT_FRACTION.sumSerde().deserializer());
    }

    // ---- patents ----

    void patent(long applnId, int year, List<String> countries, List<String> codes, String release,
            String concordance) {
        patents.pipeInput(Long.toString(applnId),
                new ClassifiedPatent(applnId, year, countries, codes, release, concordance));
        forwardChanges();
    }

    /** An application read, its changes not forwarded yet (the forward interval has not passed). */
    void patentUnforwarded(long applnId, int year, List<String> countries, List<String> codes) {
        patents.pipeInput(Long.toString(applnId), new ClassifiedPatent(applnId, year, countries, codes, "R1", "c1"));
    }

    void patent(long applnId, int year, List<String> countries, List<String> codes) {
        patent(applnId, year, countries, codes, "R1", "c1");
    }

    void retractPatent(long applnId) {
        patents.pipeInput(Long.toString(applnId), null);
        forwardChanges();
    }

    /**
     * Lets the forward interval pass: the patent contribution stage forwards what it combined, so
     * that each application piped reaches the aggregate on its own, as an application read alone would.
     */
    void forwardChanges() {
        driver.advanceWallClockTime(FORWARD_INTERVAL);
    }

    /** The records the patent contribution stage sent to the aggregate since the last call, on the repartition topic. */
    List<YearChanges<ExactFraction>> patentChanges() {
        return patentChanges.readValuesToList();
    }

    /**
     * The patent yearly sums as a restore from the changelog would rebuild them: what the commits
     * so far (the driver commits after every input record) wrote to the sums store's changelog.
     */
    Map<String, ExactFraction> committedPatentSums() {
        for (KeyValue<String, ExactFraction> record : patentSumsChangelog.readKeyValuesToList()) {
            if (record.value == null) {
                committedPatentSums.remove(record.key);
            } else {
                committedPatentSums.put(record.key, record.value);
            }
        }
        return committedPatentSums;
    }

    // ---- trade, production, investment ----

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

    // ---- every family ----

    /** An ingest report, keyed as the ingest service keys it. */
    private final Map<String, Long> startOrder = new java.util.HashMap<>();

    void report(String source, String release, String status) {
        // Releases start in the order they are first reported, as the ingest runs them.
        long startedAt = startOrder.computeIfAbsent(source + "/" + release, key -> (long) startOrder.size());
        reports.pipeInput(source + "/" + release, IngestReport.newBuilder()
                .setSource(source).setRelease(release).setStatus(status).setStartedAt(startedAt)
                .setRead(0).setPublished(0).setIgnored(0).setQuality(0).setRejected(0)
                .setEventsChanged(0).setEventsUnchanged(0).setEventsRetracted(0).setDetails(Map.of())
                .build());
    }

    /** Lets wall-clock time pass and returns what was published meanwhile, on every indicator topic. */
    List<KeyValue<IndicatorKey, IndicatorValue>> advance(Duration wallClock) {
        driver.advanceWallClockTime(wallClock);
        List<KeyValue<IndicatorKey, IndicatorValue>> published = new ArrayList<>();
        for (TestOutputTopic<IndicatorKey, IndicatorValue> output : outputs) {
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
        return advance(SETTLE);
    }

    /** The progress records written since the last call, in order. */
    List<KeyValue<String, StageProgress>> progressWritten() {
        List<KeyValue<String, StageProgress>> written = progress.readKeyValuesToList();
        written.forEach(record -> compactedProgress.put(record.key, record.value));
        return written;
    }

    /** What a compacted read of emi.progress shows now, by key. */
    Map<String, StageProgress> progress() {
        progressWritten();
        return compactedProgress;
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

    /** How many indicators starting with {@code indicatorPrefix} exist for {@code year}. */
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
