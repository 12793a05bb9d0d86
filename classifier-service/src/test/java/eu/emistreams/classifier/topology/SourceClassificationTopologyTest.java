package eu.emistreams.classifier.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.classifier.concordance.ConcordanceRecords;
import eu.emistreams.classifier.rules.ConcordanceParser;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.events.prodcom.ProductionObservation;
import eu.emistreams.events.testing.AvroBinarySerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trade, production and investment branches of the classifier under TopologyTestDriver. */
class SourceClassificationTopologyTest {

    private static final String HEADER = "scheme,pattern,dimension,code\n";
    private static final RuleSet SHIPPED = ConcordanceParser.parse("shipped.csv", HEADER
            + "HS6,8541,ECOSYSTEM,ELEC\n"
            + "HS6,854140,TECHNOLOGY,G.REN.SOLAR\n"
            + "PRODCOM8,26.11.22,TECHNOLOGY,G.REN.SOLAR\n"
            + "PRODCOM8,2611,ECOSYSTEM,ELEC\n"
            + "CB_CATEGORY,Solar,TECHNOLOGY,G.REN.SOLAR\n"
            + "CB_CATEGORY,Artificial Intelligence,TECHNOLOGY,D.AI\n");
    private static final RuleSet LOADED = ConcordanceParser.parse("loaded.csv", HEADER
            + "HS6,85,ECOSYSTEM,DIGI\n"
            + "PRODCOM8,26,ECOSYSTEM,DIGI\n"
            + "CB_CATEGORY,solar,ECOSYSTEM,REN\n");
    private static final Duration CHECK = Duration.ofMillis(500);

    @TempDir
    Path stateDir;

    private final AppliedConcordances applied = new AppliedConcordances();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Concordance> concordance;
    private TestInputTopic<String, TradeFlow> flows;
    private TestInputTopic<String, ProductionObservation> observations;
    private TestInputTopic<String, FundingRound> rounds;
    private TestOutputTopic<String, ClassifiedTrade> trade;
    private TestOutputTopic<String, ClassifiedProduction> production;
    private TestOutputTopic<String, ClassifiedRound> investment;

    @BeforeEach
    void start() {
        ClassifierSerdes serdes = ClassifierSerdes.of(AvroBinarySerde::of);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, ClassifierTopology.APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        driver = new TopologyTestDriver(ClassifierTopology.build(serdes, SHIPPED, applied,
                new ReclassificationSettings(CHECK, 10_000), BuildProperties.ofTheService()), config, Instant.parse("2026-01-01T00:00:00Z"));
        concordance = driver.createInputTopic(EventTopics.CONCORDANCE.name(), Serdes.String().serializer(),
                serdes.concordance().serializer());
        flows = driver.createInputTopic(EventTopics.COMTRADE_FLOWS.name(), Serdes.String().serializer(),
                serdes.tradeFlows().serializer());
        observations = driver.createInputTopic(EventTopics.PRODCOM_OBSERVATIONS.name(), Serdes.String().serializer(),
                serdes.productionObservations().serializer());
        rounds = driver.createInputTopic(EventTopics.CRUNCHBASE_ROUNDS.name(), Serdes.String().serializer(),
                serdes.fundingRounds().serializer());
        trade = driver.createOutputTopic(EventTopics.TRADE_CLASSIFIED.name(), Serdes.String().deserializer(),
                serdes.classifiedTrade().deserializer());
        production = driver.createOutputTopic(EventTopics.PRODUCTION_CLASSIFIED.name(), Serdes.String().deserializer(),
                serdes.classifiedProduction().deserializer());
        investment = driver.createOutputTopic(EventTopics.INVESTMENT_CLASSIFIED.name(), Serdes.String().deserializer(),
                serdes.classifiedRounds().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aTradeTotalIsTaggedByItsHs6CodeAndKeepsItsKey() {
        flows.pipeInput("2020|BEL|X|0|854140|C00|0", flow("854140", "X", 0, "C00", "0", 1234.5));

        KeyValue<String, ClassifiedTrade> out = trade.readKeyValue();
        assertEquals("2020|BEL|X|0|854140|C00|0", out.key);
        ClassifiedTrade classified = out.value;
        assertEquals("BE", classified.getCountry());
        assertEquals(2020, classified.getYear());
        assertEquals("X", classified.getFlowCode());
        assertEquals("854140", classified.getCmdCode());
        assertEquals(1234.5, classified.getValueUsd(), 0.0);
        assertEquals(List.of("ELEC", "G.REN", "G.REN.SOLAR"), classified.getCodes());
        assertEquals("comtrade-2025", classified.getSourceRelease());
        assertEquals(SHIPPED.version(), classified.getConcordanceVersion());
    }

    @Test
    void tradeRowsTheContractIgnoresGoOutAsTombstonesAndOnlySixDigitCodesAreTagged() {
        flows.pipeInput("partner", flow("854140", "X", 251, "C00", "0", 1.0));
        flows.pipeInput("customs", flow("854140", "M", 0, "C01", "0", 1.0));
        flows.pipeInput("transport", flow("854140", "M", 0, "C00", "1000", 1.0));
        flows.pipeInput("re-export", flow("854140", "RX", 0, "C00", "0", 1.0));
        flows.pipeInput("no-customs-columns", flow("854140", "m", 0, null, null, 1.0));
        flows.pipeInput("chapter", flow("8541", "M", 0, "C00", "0", 1.0));

        Map<String, ClassifiedTrade> out = toMap(trade.readKeyValuesToList());
        assertNull(out.get("partner"));
        assertNull(out.get("customs"));
        assertNull(out.get("transport"));
        assertNull(out.get("re-export"));
        assertEquals("M", out.get("no-customs-columns").getFlowCode());
        assertEquals(List.of("ELEC", "G.REN", "G.REN.SOLAR"), out.get("no-customs-columns").getCodes());
        assertEquals(List.of(), out.get("chapter").getCodes(), "an aggregate row carries no HS6 tag");
        assertEquals(6, out.size());
    }

    @Test
    void aProdvalObservationIsTaggedByItsProductCode() {
        observations.pipeInput("BE|26112240|PRODVAL|2021", observation("26.11.22.40", "PRODVAL", 5e6));
        observations.pipeInput("BE|26112240|PRODQNT|2021", observation("26112240", "PRODQNT", 42));
        observations.pipeInput("BE|10111100|PRODVAL|2021", observation("10111100", "PRODVAL", 7));

        Map<String, ClassifiedProduction> out = toMap(production.readKeyValuesToList());
        ClassifiedProduction solar = out.get("BE|26112240|PRODVAL|2021");
        assertEquals("26112240", solar.getProduct());
        assertEquals("BE", solar.getCountry());
        assertEquals(2021, solar.getYear());
        assertEquals(5e6, solar.getValueEur(), 0.0);
        assertEquals(List.of("ELEC", "G.REN", "G.REN.SOLAR"), solar.getCodes());
        assertEquals(SHIPPED.version(), solar.getConcordanceVersion());
        assertNull(out.get("BE|26112240|PRODQNT|2021"), "only PRODVAL counts");
        assertTrue(out.containsKey("BE|26112240|PRODQNT|2021"));
        assertEquals(List.of(), out.get("BE|10111100|PRODVAL|2021").getCodes());
    }

    @Test
    void aFundingRoundIsTaggedByItsCategoriesAndMarkedPeVcByItsType() {
        rounds.pipeInput("r1", round(List.of(" solar ", "Artificial Intelligence", "Knitting"), "series_b", 2019, 2.5e6));
        rounds.pipeInput("r2", round(List.of("Solar"), "grant", 2019, 1e5));
        rounds.pipeInput("r3", round(List.of("Solar"), "seed", null, null));

        Map<String, ClassifiedRound> out = toMap(investment.readKeyValuesToList());
        ClassifiedRound first = out.get("r1");
        assertEquals(List.of("D.AI", "G.REN", "G.REN.SOLAR"), first.getCodes());
        assertTrue(first.getPeVc());
        assertEquals("series_b", first.getInvestmentType());
        assertEquals(2019, first.getYear());
        assertEquals(2.5e6, first.getRaisedAmountUsd(), 0.0);
        assertEquals("FR", first.getCountry());
        assertEquals("crunchbase-2025", first.getSourceRelease());
        assertFalse(out.get("r2").getPeVc(), "a grant is not PE/VC but is passed on");
        assertTrue(out.get("r3").getPeVc());
        assertNull(out.get("r3").getYear());
        assertNull(out.get("r3").getRaisedAmountUsd());
    }

    @Test
    void tombstonesPassThroughEveryBranch() {
        flows.pipeInput("f", flow("854140", "X", 0, "C00", "0", 1.0));
        flows.pipeInput("f", (TradeFlow) null);
        observations.pipeInput("o", observation("26112240", "PRODVAL", 1.0));
        observations.pipeInput("o", (ProductionObservation) null);
        rounds.pipeInput("r", round(List.of("Solar"), "seed", 2020, 1.0));
        rounds.pipeInput("r", (FundingRound) null);

        assertNull(trade.readKeyValuesToList().get(1).value);
        assertNull(production.readKeyValuesToList().get(1).value);
        assertNull(investment.readKeyValuesToList().get(1).value);
        assertNull(driver.getKeyValueStore(ClassifierTopology.TRADE_FLOWS_STORE).get("f"));
    }

    @Test
    void aNewConcordanceReClassifiesTheRecordsOfEverySource() {
        flows.pipeInput("f1", flow("854140", "X", 0, "C00", "0", 1.0));
        flows.pipeInput("f2", flow("854140", "X", 251, "C00", "0", 1.0));
        observations.pipeInput("o1", observation("26112240", "PRODVAL", 1.0));
        rounds.pipeInput("r1", round(List.of("Solar"), "seed", 2020, 1.0));
        driver.advanceWallClockTime(CHECK);
        trade.readKeyValuesToList();
        production.readKeyValuesToList();
        investment.readKeyValuesToList();
        // TopologyTestDriver runs every sub-topology in one task, 0_0.
        assertEquals(Map.of("0_0", SHIPPED.version()), applied.snapshot());

        concordance.pipeInput(EventTopics.CONCORDANCE_KEY, ConcordanceRecords.toRecord(LOADED, Instant.now()));
        driver.advanceWallClockTime(CHECK);

        Map<String, ClassifiedTrade> reTrade = toMap(trade.readKeyValuesToList());
        assertEquals(List.of("DIGI"), reTrade.get("f1").getCodes());
        assertEquals(LOADED.version(), reTrade.get("f1").getConcordanceVersion());
        assertTrue(reTrade.containsKey("f2") && reTrade.get("f2") == null, "still not counted");
        ClassifiedProduction reProduction = production.readValue();
        assertEquals(List.of("DIGI"), reProduction.getCodes());
        assertEquals(LOADED.version(), reProduction.getConcordanceVersion());
        ClassifiedRound reRound = investment.readValue();
        assertEquals(List.of("REN"), reRound.getCodes());
        assertEquals(LOADED.version(), reRound.getConcordanceVersion());
        assertEquals(Map.of("0_0", LOADED.version()), applied.snapshot());

        driver.advanceWallClockTime(CHECK);
        assertTrue(trade.isEmpty() && production.isEmpty() && investment.isEmpty(), "applied once");
    }

    @Test
    void everySourceIsItsOwnSubTopologyWithNamedProcessorsAndStores() {
        TopologyDescription description = ClassifierTopology.build(ClassifierSerdes.of(AvroBinarySerde::of), SHIPPED,
                applied, ReclassificationSettings.DEFAULT, BuildProperties.ofTheService()).describe();
        assertEquals(4, description.subtopologies().size());
        assertEquals(1, description.globalStores().size());
        String text = description.toString();
        assertFalse(text.contains("KSTREAM-"), text);
        assertFalse(text.contains("KTABLE-"), text);
        for (String name : List.of(ClassifierTopology.TRADE_FLOWS_STORE, ClassifierTopology.TRADE_PROGRESS_STORE,
                ClassifierTopology.PRODUCTION_OBSERVATIONS_STORE, ClassifierTopology.PRODUCTION_PROGRESS_STORE,
                ClassifierTopology.FUNDING_ROUNDS_STORE, ClassifierTopology.INVESTMENT_PROGRESS_STORE,
                ClassifierTopology.CLASSIFY_TRADE, ClassifierTopology.CLASSIFY_PRODUCTION,
                ClassifierTopology.CLASSIFY_ROUNDS)) {
            assertTrue(text.contains(name), name);
        }
    }

    private static <V> Map<String, V> toMap(List<KeyValue<String, V>> records) {
        Map<String, V> byKey = new LinkedHashMap<>();
        records.forEach(kv -> byKey.put(kv.key, kv.value));
        return byKey;
    }

    private static TradeFlow flow(String cmdCode, String flowCode, int partner, String customs, String mot,
            double value) {
        return TradeFlow.newBuilder().setRefYear(2020).setReporterIso3("BEL").setReporterCountry("BE")
                .setFlowCode(flowCode).setPartnerCode(partner).setCmdCode(cmdCode).setClassificationCode("H5")
                .setCustomsCode(customs).setMotCode(mot).setPrimaryValue(value).setSourceRelease("comtrade-2025")
                .build();
    }

    private static ProductionObservation observation(String product, String indicator, double value) {
        return ProductionObservation.newBuilder().setReporter("BE").setCountry("BE").setProduct(product)
                .setIndicator(indicator).setYear(2021).setValueEur(value).setSourceRelease("prodcom-2025").build();
    }

    private static FundingRound round(List<String> categories, String type, Integer year, Double amount) {
        return FundingRound.newBuilder().setRoundUuid("uuid").setOrgUuid("org").setCountryIso3("FRA")
                .setCountry("FR").setCategories(categories).setInvestmentType(type)
                .setAnnouncedOn(year == null ? null : year + "-05-01").setYear(year).setRaisedAmountUsd(amount)
                .setSourceRelease("crunchbase-2025").build();
    }
}
