package eu.emistreams.indicator.topology;

import eu.emistreams.events.Topics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.ingest.IngestReport;
import eu.emistreams.indicator.calculation.ExactFraction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Drives the production topology with TopologyTestDriver and keeps what a compacted read of the
 * indicator topic would show (latest value per key, tombstones removing keys).
 */
final class IndicatorTopologyHarness implements AutoCloseable {

    /** How often the contribution stage forwards its combined changes; {@link #forwardChanges()} lets it pass. */
    static final Duration FORWARD_INTERVAL = Duration.ofMillis(1);

    static final PublicationSchedule SCHEDULE = new PublicationSchedule(FORWARD_INTERVAL,
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60));

    /** Longer than the quiet period: every dirty year is due after it. */
    static final Duration SETTLE = Duration.ofSeconds(1);

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ClassifiedPatent> input;
    private final TestOutputTopic<IndicatorKey, IndicatorValue> output;
    private final TestInputTopic<String, IngestReport> reports;
    private final TestOutputTopic<String, ExactFraction> sumsChangelog;
    private final TestOutputTopic<Integer, YearSumChanges> sumChanges;
    private final Map<IndicatorKey, IndicatorValue> compacted = new HashMap<>();
    private final Map<String, ExactFraction> committedSums = new HashMap<>();

    IndicatorTopologyHarness(StateStoreKind storeKind) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "emi-indicator");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, newStateDir().toString());
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        // Fails the build of the topology if any internal topic or store were left unnamed.
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        IndicatorSerdes serdes = AvroBinarySerde.indicatorSerdes();
        driver = new TopologyTestDriver(PatentIndicatorTopology.topology(config, serdes, SCHEDULE, storeKind), config,
                Instant.parse("2026-01-01T00:00:00Z"));
        input = driver.createInputTopic(Topics.PATENTS_CLASSIFIED, Serdes.String().serializer(),
                serdes.classifiedPatent().serializer());
        reports = driver.createInputTopic(Topics.INGEST_REPORTS, Serdes.String().serializer(),
                serdes.ingestReport().serializer());
        output = driver.createOutputTopic(Topics.INDICATORS_PATENT, serdes.indicatorKey().deserializer(),
                serdes.indicatorValue().deserializer());
        sumChanges = driver.createOutputTopic(
                "emi-indicator-" + PatentIndicatorTopology.SUM_CHANGES_BY_YEAR + "-repartition",
                Serdes.Integer().deserializer(), InternalSerdes.yearSumChanges().deserializer());
        sumsChangelog = driver.createOutputTopic(
                "emi-indicator-" + PatentYearAggregateProcessor.SUMS_STORE + "-changelog",
                Serdes.String().deserializer(), InternalSerdes.fraction().deserializer());
    }

    void upsert(long applnId, int year, List<String> countries, List<String> codes, String release, String concordance) {
        input.pipeInput(Long.toString(applnId),
                new ClassifiedPatent(applnId, year, countries, codes, release, concordance));
        forwardChanges();
    }

    /** Pipes an application without letting the contribution stage forward its changes. */
    void upsertUnforwarded(long applnId, int year, List<String> countries, List<String> codes) {
        input.pipeInput(Long.toString(applnId), new ClassifiedPatent(applnId, year, countries, codes, "R1", "c1"));
    }

    /**
     * Lets the forward interval pass: the contribution stage forwards what it combined, so that
     * each record piped reaches the aggregate on its own, as a record read alone would.
     */
    void forwardChanges() {
        driver.advanceWallClockTime(FORWARD_INTERVAL);
    }

    void upsert(long applnId, int year, List<String> countries, List<String> codes) {
        upsert(applnId, year, countries, codes, "R1", "c1");
    }

    /** An ingest report, keyed as the ingest service keys it. */
    void report(String source, String release, String status) {
        reports.pipeInput(source + "/" + release, IngestReport.newBuilder()
                .setSource(source).setRelease(release).setStatus(status).setStartedAt(0L)
                .setRead(0).setPublished(0).setIgnored(0).setQuality(0).setRejected(0)
                .setEventsChanged(0).setEventsUnchanged(0).setEventsRetracted(0).setDetails(Map.of())
                .build());
    }

    void retract(long applnId) {
        input.pipeInput(Long.toString(applnId), null);
        forwardChanges();
    }

    /** Lets wall-clock time pass and returns what was published meanwhile. */
    List<KeyValue<IndicatorKey, IndicatorValue>> advance(Duration wallClock) {
        driver.advanceWallClockTime(wallClock);
        List<KeyValue<IndicatorKey, IndicatorValue>> published = output.readKeyValuesToList();
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

    /**
     * The yearly sums as a restore from the changelog would rebuild them: what the commits so far
     * (the driver commits after every input record) wrote to the sums store's changelog.
     */
    Map<String, ExactFraction> committedSums() {
        for (KeyValue<String, ExactFraction> record : sumsChangelog.readKeyValuesToList()) {
            if (record.value == null) {
                committedSums.remove(record.key);
            } else {
                committedSums.put(record.key, record.value);
            }
        }
        return committedSums;
    }

    /** The records the contribution stage sent to the aggregate since the last call, on the repartition topic. */
    List<YearSumChanges> sumChanges() {
        return sumChanges.readValuesToList();
    }

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
