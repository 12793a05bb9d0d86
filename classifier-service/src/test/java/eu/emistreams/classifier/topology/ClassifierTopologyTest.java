package eu.emistreams.classifier.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.classifier.concordance.ConcordanceRecords;
import eu.emistreams.classifier.rules.ConcordanceParser;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.concordance.ConcordanceRule;
import eu.emistreams.events.patstat.Applicant;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.events.progress.StageProgress;
import eu.emistreams.events.testing.AvroBinarySerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTopologyTest {

    private static final String HEADER = "scheme,pattern,dimension,code\n";
    private static final RuleSet SHIPPED = ConcordanceParser.parse("shipped.csv", HEADER
            + "IPC,H02S,TECHNOLOGY,G.REN.SOLAR\n"
            + "KEYWORD,wind turbine,TECHNOLOGY,G.REN.WIND\n");
    private static final RuleSet LOADED = ConcordanceParser.parse("loaded.csv", HEADER
            + "IPC,H02S,ECOSYSTEM,REN\n"
            + "IPC,H02S,TECHNOLOGY,G.REN.SOLAR\n"
            + "KEYWORD,wind turbine,ECOSYSTEM,REN\n"
            + "KEYWORD,wind,TECHNOLOGY,G.REN.WIND\n");
    private static final RuleSet LOADED_AGAIN = ConcordanceParser.parse("again.csv", HEADER
            + "IPC,H02S,ECOSYSTEM,ELEC\n");
    private static final Duration CHECK = Duration.ofMillis(500);

    @TempDir
    Path stateDir;

    private final AppliedConcordances applied = new AppliedConcordances();
    private TopologyTestDriver driver;
    private TestInputTopic<String, PatentApplication> applications;
    private TestInputTopic<String, Concordance> concordance;
    private TestOutputTopic<String, ClassifiedPatent> classified;
    private TestOutputTopic<String, StageProgress> progress;

    private void start(int batchSize) {
        ClassifierSerdes serdes = serdes();
        Topology topology = ClassifierTopology.build(serdes, SHIPPED, applied,
                new ReclassificationSettings(CHECK, batchSize), BuildProperties.ofTheService());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, ClassifierTopology.APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        driver = new TopologyTestDriver(topology, config, Instant.parse("2026-01-01T00:00:00Z"));
        applications = driver.createInputTopic(EventTopics.PATSTAT_APPLICATIONS.name(), Serdes.String().serializer(),
                serdes.applications().serializer());
        concordance = driver.createInputTopic(EventTopics.CONCORDANCE.name(), Serdes.String().serializer(),
                serdes.concordance().serializer());
        classified = driver.createOutputTopic(EventTopics.PATENTS_CLASSIFIED.name(), Serdes.String().deserializer(),
                serdes.classified().deserializer());
        progress = driver.createOutputTopic(EventTopics.PROGRESS.name(), Serdes.String().deserializer(),
                serdes.progress().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void classifiesEachUpsertUnderTheShippedConcordanceWhenNoneWasLoaded() {
        start(10_000);
        applications.pipeInput("1", application(1, "A wind turbine", List.of("H02S40/44"), "BE", "ZZ", "BE"));
        applications.pipeInput("2", application(2, "A teapot", List.of("A47G19/14")));

        List<KeyValue<String, ClassifiedPatent>> out = classified.readKeyValuesToList();
        assertEquals(2, out.size());
        ClassifiedPatent first = out.get(0).value;
        assertEquals("1", out.get(0).key);
        assertEquals(1L, first.getApplnId());
        assertEquals(2019, first.getYear());
        assertEquals(List.of("BE", "ZZ", "BE"), first.getApplicantCountries());
        assertEquals(List.of("G.REN", "G.REN.SOLAR", "G.REN.WIND"), first.getCodes());
        assertEquals("2025-autumn", first.getSourceRelease());
        assertEquals(SHIPPED.version(), first.getConcordanceVersion());
        assertEquals(List.of(), out.get(1).value.getApplicantCountries());
        assertEquals(List.of(), out.get(1).value.getCodes());
    }

    @Test
    void aRetractedApplicationIsRetracted() {
        start(10_000);
        applications.pipeInput("1", application(1, "A wind turbine", List.of()));
        applications.pipeInput("1", (PatentApplication) null);

        List<KeyValue<String, ClassifiedPatent>> out = classified.readKeyValuesToList();
        assertEquals(2, out.size());
        assertEquals("1", out.get(1).key);
        assertNull(out.get(1).value);
        assertNull(applicationsStore().get("1"));
    }

    @Test
    void theFirstCheckRecordsTheShippedVersionWithoutReEmitting() {
        start(10_000);
        driver.advanceWallClockTime(CHECK);
        assertTrue(classified.isEmpty());
        assertEquals(SHIPPED.version(), applied.versionOf("0_0").orElseThrow());
        assertEquals(SHIPPED.version(), progressStore().get(ClassificationProcessor.APPLIED));
    }

    @Test
    void aNewConcordanceReEmitsEveryApplicationOnceWithTheNewCodesAndVersion() {
        start(10_000);
        applications.pipeInput("1", application(1, "A wind turbine", List.of("H02S40/44"), "BE"));
        applications.pipeInput("2", application(2, "Wind power", List.of()));
        applications.pipeInput("3", application(3, "A wind turbine", List.of()));
        applications.pipeInput("3", (PatentApplication) null);
        driver.advanceWallClockTime(CHECK);
        classified.readKeyValuesToList();
        assertEquals(SHIPPED.version(), applied.versionOf("0_0").orElseThrow());

        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, ConcordanceRecords.toRecord(LOADED, Instant.now()));
        assertTrue(classified.isEmpty(), "nothing changes before the next check");
        driver.advanceWallClockTime(CHECK);

        Map<String, ClassifiedPatent> reEmitted = toMap(classified.readKeyValuesToList());
        assertEquals(List.of("1", "2"), new ArrayList<>(reEmitted.keySet()));
        assertEquals(List.of("G.REN", "G.REN.SOLAR", "G.REN.WIND", "REN"), reEmitted.get("1").getCodes());
        assertEquals(List.of("BE"), reEmitted.get("1").getApplicantCountries());
        assertEquals(List.of("G.REN", "G.REN.WIND"), reEmitted.get("2").getCodes());
        reEmitted.values().forEach(p -> assertEquals(LOADED.version(), p.getConcordanceVersion()));
        assertEquals(LOADED.version(), applied.versionOf("0_0").orElseThrow());

        driver.advanceWallClockTime(CHECK);
        assertTrue(classified.isEmpty(), "an applied concordance is not applied again");

        applications.pipeInput("4", application(4, "Wind", List.of()));
        ClassifiedPatent later = classified.readValue();
        assertEquals(LOADED.version(), later.getConcordanceVersion());
        assertEquals(List.of("G.REN", "G.REN.WIND"), later.getCodes());
    }

    @Test
    void republishingTheRulesInForceReEmitsNothing() {
        start(10_000);
        applications.pipeInput("1", application(1, "A wind turbine", List.of()));
        driver.advanceWallClockTime(CHECK);
        classified.readKeyValuesToList();

        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, ConcordanceRecords.toRecord(SHIPPED, Instant.now()));
        driver.advanceWallClockTime(CHECK);
        assertTrue(classified.isEmpty());
    }

    @Test
    void reEmitsInBatchesAndRecordsTheVersionOnlyWhenAllAreDone() {
        start(2);
        for (int id = 1; id <= 5; id++) {
            applications.pipeInput(String.valueOf(id), application(id, "Wind", List.of()));
        }
        driver.advanceWallClockTime(CHECK);
        classified.readKeyValuesToList();

        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, ConcordanceRecords.toRecord(LOADED, Instant.now()));
        List<String> keys = new ArrayList<>();
        for (int check = 1; check <= 3; check++) {
            driver.advanceWallClockTime(CHECK);
            List<KeyValue<String, ClassifiedPatent>> batch = classified.readKeyValuesToList();
            assertTrue(batch.size() <= 2, "batch of " + batch.size());
            batch.forEach(kv -> keys.add(kv.key));
            assertEquals(check == 3, applied.versionOf("0_0").orElseThrow().equals(LOADED.version()), "after check " + check);
        }
        assertEquals(List.of("1", "2", "3", "4", "5"), keys);
        assertNull(progressStore().get(ClassificationProcessor.CURSOR));
        assertNull(progressStore().get(ClassificationProcessor.REAPPLYING));
    }

    @Test
    void aConcordanceChangedAgainMidwayRestartsTheReEmission() {
        start(2);
        for (int id = 1; id <= 5; id++) {
            applications.pipeInput(String.valueOf(id), application(id, "Wind", List.of("H02S10/00")));
        }
        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, ConcordanceRecords.toRecord(LOADED, Instant.now()));
        driver.advanceWallClockTime(CHECK);
        assertEquals(2, classified.readKeyValuesToList().size() - 5);

        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, ConcordanceRecords.toRecord(LOADED_AGAIN, Instant.now()));
        Map<String, ClassifiedPatent> latest = new LinkedHashMap<>();
        for (int check = 0; check < 3; check++) {
            driver.advanceWallClockTime(CHECK);
            latest.putAll(toMap(classified.readKeyValuesToList()));
        }
        assertEquals(List.of("1", "2", "3", "4", "5"), new ArrayList<>(latest.keySet()));
        latest.values().forEach(p -> {
            assertEquals(LOADED_AGAIN.version(), p.getConcordanceVersion());
            assertEquals(List.of("ELEC"), p.getCodes());
        });
        assertEquals(LOADED_AGAIN.version(), applied.versionOf("0_0").orElseThrow());
    }

    @Test
    void upsertsDuringAReEmissionUseTheNewConcordance() {
        start(1);
        applications.pipeInput("1", application(1, "Wind", List.of()));
        applications.pipeInput("2", application(2, "Wind", List.of()));
        classified.readKeyValuesToList();
        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, ConcordanceRecords.toRecord(LOADED, Instant.now()));
        driver.advanceWallClockTime(CHECK);
        classified.readKeyValuesToList();

        applications.pipeInput("0", application(0, "Wind", List.of()));
        assertEquals(LOADED.version(), classified.readValue().getConcordanceVersion());
    }

    @Test
    void anInvalidPublishedConcordanceIsIgnored() {
        start(10_000);
        applications.pipeInput("1", application(1, "Wind turbine", List.of()));
        classified.readKeyValuesToList();
        Concordance invalid = ConcordanceRecords.toRecord(LOADED, Instant.now());
        invalid.setRules(List.of(new ConcordanceRule("IPC", "H02S", "ECOSYSTEM", "X.Y")));
        invalid.setVersion("0123456789ab");
        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, invalid);

        driver.advanceWallClockTime(CHECK);
        assertTrue(classified.isEmpty());
        assertEquals(SHIPPED.version(), applied.versionOf("0_0").orElseThrow());
        applications.pipeInput("2", application(2, "Wind turbine", List.of()));
        assertEquals(SHIPPED.version(), classified.readValue().getConcordanceVersion());
    }

    @Test
    void everyTaskWritesTheVersionItAppliedAndIsPendingWhileItReEmits() {
        start(2);
        for (int id = 1; id <= 5; id++) {
            applications.pipeInput(String.valueOf(id), application(id, "Wind", List.of()));
        }
        driver.advanceWallClockTime(CHECK);
        Map<String, StageProgress> entries = new LinkedHashMap<>(progressByKey());
        assertEquals(Set.of("classifier/classify-patents/0_0", "classifier/classify-trade-flows/0_0",
                "classifier/classify-production/0_0", "classifier/classify-funding-rounds/0_0"), entries.keySet());
        entries.values().forEach(entry -> {
            assertFalse(entry.getPending());
            assertEquals(SHIPPED.version(), entry.getConcordanceVersion());
        });
        driver.advanceWallClockTime(CHECK);
        assertTrue(progress.isEmpty(), "nothing written while nothing changes");

        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, ConcordanceRecords.toRecord(LOADED, Instant.now()));
        driver.advanceWallClockTime(CHECK);
        entries.putAll(progressByKey());
        StageProgress patents = entries.get("classifier/classify-patents/0_0");
        assertTrue(patents.getPending(), "two of five re-emitted");
        assertEquals(SHIPPED.version(), patents.getConcordanceVersion(), "not applied before the last batch");
        assertEquals("re-classifying its records under concordance " + LOADED.version(), patents.getDetail());

        driver.advanceWallClockTime(CHECK);
        driver.advanceWallClockTime(CHECK);
        entries.putAll(progressByKey());
        patents = entries.get("classifier/classify-patents/0_0");
        assertFalse(patents.getPending());
        assertEquals(LOADED.version(), patents.getConcordanceVersion());
        assertEquals(LOADED.version(), entries.get("classifier/classify-trade-flows/0_0").getConcordanceVersion(),
                "an empty task applies the new version at once");
    }

    @Test
    void aVariantLoadedReEmitsEveryApplicationWithItsCodesUnderTheVariantAndADropTakesThemAway() {
        start(10_000);
        applications.pipeInput("1", application(1, "A wind turbine", List.of("H02S40/44"), "BE"));
        applications.pipeInput("2", application(2, "A teapot", List.of()));
        driver.advanceWallClockTime(CHECK);
        classified.readKeyValuesToList();
        progress.readKeyValuesToList();

        concordance.pipeInput("variant/strict", ConcordanceRecords.toRecord(LOADED_AGAIN, Instant.now()));
        driver.advanceWallClockTime(CHECK);
        Map<String, ClassifiedPatent> reEmitted = toMap(classified.readKeyValuesToList());
        assertEquals(Set.of("1", "2"), reEmitted.keySet());
        ClassifiedPatent first = reEmitted.get("1");
        assertEquals(List.of("G.REN", "G.REN.SOLAR", "G.REN.WIND"), first.getCodes(), "the rules in force still tag it");
        assertEquals(SHIPPED.version(), first.getConcordanceVersion());
        assertEquals(Map.of("strict", List.of("ELEC")), first.getVariantCodes());
        assertEquals(Map.of("strict", LOADED_AGAIN.version()), first.getVariantVersions());
        assertEquals(Map.of("strict", List.of()), reEmitted.get("2").getVariantCodes());
        StageProgress patents = progressByKey().get("classifier/classify-patents/0_0");
        assertFalse(patents.getPending());
        assertEquals(SHIPPED.version(), patents.getConcordanceVersion(), "the version in force is unchanged");
        assertEquals(Map.of("strict", LOADED_AGAIN.version()), patents.getVariantVersions());

        applications.pipeInput("3", application(3, "Solar", List.of("H02S10/00")));
        assertEquals(Map.of("strict", List.of("ELEC")), classified.readValue().getVariantCodes(),
                "an upsert is tagged under the variant too");

        concordance.pipeInput("variant/strict", (Concordance) null);
        driver.advanceWallClockTime(CHECK);
        Map<String, ClassifiedPatent> afterDrop = toMap(classified.readKeyValuesToList());
        assertEquals(Set.of("1", "2", "3"), afterDrop.keySet());
        afterDrop.values().forEach(patent -> assertEquals(Map.of(), patent.getVariantCodes()));
        assertEquals(Map.of(), progressByKey().get("classifier/classify-patents/0_0").getVariantVersions());
        assertEquals(SHIPPED.version(), progressStore().get(ClassificationProcessor.APPLIED),
                "without variants the task applies the version in force alone, as before variants existed");
    }

    @Test
    void aVariantChangingTheRulesInForceAgainIsAppliedWithThem() {
        start(10_000);
        applications.pipeInput("1", application(1, "A wind turbine", List.of("H02S40/44"), "BE"));
        concordance.pipeInput("variant/a", ConcordanceRecords.toRecord(LOADED_AGAIN, Instant.now()));
        concordance.pipeInput("variant/b", ConcordanceRecords.toRecord(SHIPPED, Instant.now()));
        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, ConcordanceRecords.toRecord(LOADED, Instant.now()));
        driver.advanceWallClockTime(CHECK);
        List<KeyValue<String, ClassifiedPatent>> out = classified.readKeyValuesToList();
        ClassifiedPatent last = out.get(out.size() - 1).value;
        assertEquals(LOADED.version(), last.getConcordanceVersion());
        assertEquals(List.of("G.REN", "G.REN.SOLAR", "G.REN.WIND", "REN"), last.getCodes());
        assertEquals(Map.of("a", List.of("ELEC"), "b", List.of("G.REN", "G.REN.SOLAR", "G.REN.WIND")),
                last.getVariantCodes());
        StageProgress patents = progressByKey().get("classifier/classify-patents/0_0");
        assertEquals(LOADED.version(), patents.getConcordanceVersion());
        assertEquals(Map.of("a", LOADED_AGAIN.version(), "b", SHIPPED.version()), patents.getVariantVersions());
    }

    @Test
    void everyProcessorAndStoreIsNamed() {
        String description = ClassifierTopology.build(serdes(), SHIPPED, applied, ReclassificationSettings.DEFAULT, BuildProperties.ofTheService())
                .describe().toString();
        assertFalse(description.contains("KSTREAM-"), description);
        assertFalse(description.contains("KTABLE-"), description);
        for (String name : List.of(ClassifierTopology.APPLICATIONS_STORE, ClassifierTopology.CONCORDANCE_STORE,
                ClassifierTopology.PROGRESS_STORE, ClassifierTopology.CLASSIFY)) {
            assertTrue(description.contains(name), name);
        }
    }

    @Test
    void aClosedTaskNoLongerReportsAVersion() {
        start(10_000);
        driver.advanceWallClockTime(CHECK);
        assertTrue(applied.versionOf("0_0").isPresent());
        driver.close();
        driver = null;
        assertTrue(applied.versionOf("0_0").isEmpty());
    }

    /** The latest entry per key written since the last call. */
    private Map<String, StageProgress> progressByKey() {
        Map<String, StageProgress> byKey = new LinkedHashMap<>();
        progress.readKeyValuesToList().forEach(kv -> byKey.put(kv.key, kv.value));
        return byKey;
    }

    private static ClassifierSerdes serdes() {
        return ClassifierSerdes.of(AvroBinarySerde::of);
    }

    private KeyValueStore<String, ?> applicationsStore() {
        return driver.getKeyValueStore(ClassifierTopology.APPLICATIONS_STORE);
    }

    private KeyValueStore<String, String> progressStore() {
        return driver.getKeyValueStore(ClassifierTopology.PROGRESS_STORE);
    }

    private static Map<String, ClassifiedPatent> toMap(List<KeyValue<String, ClassifiedPatent>> records) {
        Map<String, ClassifiedPatent> byKey = new LinkedHashMap<>();
        records.forEach(kv -> byKey.put(kv.key, kv.value));
        return byKey;
    }

    private static PatentApplication application(long id, String title, List<String> ipc, String... countries) {
        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < countries.length; i++) {
            applicants.add(Applicant.newBuilder().setPersonId(100 + i).setApplicantSeqNr(i + 1)
                    .setCountry(countries[i]).build());
        }
        return PatentApplication.newBuilder()
                .setApplnId(id)
                .setAuthority("EP")
                .setEarliestFilingYear(2019)
                .setApplicants(applicants)
                .setIpcSymbols(ipc)
                .setTitle(title)
                .setSourceRelease("2025-autumn")
                .build();
    }

    @Test
    void aConfigurationWithoutTopologyOptimizationIsRefusedRatherThanCreatingChangelogs() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ClassifierTopology.build(serdes(), SHIPPED, applied, ReclassificationSettings.DEFAULT, new Properties()));
        assertTrue(refused.getMessage().contains("kafka-streams.topology.optimization=all"), refused.getMessage());
    }
}
