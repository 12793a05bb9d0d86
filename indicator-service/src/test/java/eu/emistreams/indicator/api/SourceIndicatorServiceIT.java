package eu.emistreams.indicator.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.stack.test.EmiStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The trade, production and investment branches against the real broker and registry: classified
 * records written as the classifier writes them come out as Avro indicators on their indicator
 * topics, and a retraction takes them back. Years no other test uses keep the counts its own.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
class SourceIndicatorServiceIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final int YEAR = 1996;
    private static final int ROUND_YEAR = 2016;
    private static final int TOTAL = 0;
    private static final List<String> SOLAR = List.of("ELEC", "G.REN", "G.REN.SOLAR");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "emi.registry.url")
    String registryUrl;

    @Test
    void publishesTradeProductionAndInvestmentIndicatorsAndRetractsThem() {
        AvroSerdes avro = new AvroSerdes(registryUrl);
        Map<IndicatorKey, IndicatorValue> compacted = new HashMap<>();
        try (KafkaProducer<String, ClassifiedTrade> trade = producer(avro.valueSerde(ClassifiedTrade.class).serializer());
                KafkaProducer<String, ClassifiedProduction> production =
                        producer(avro.valueSerde(ClassifiedProduction.class).serializer());
                KafkaProducer<String, ClassifiedRound> rounds =
                        producer(avro.valueSerde(ClassifiedRound.class).serializer());
                KafkaConsumer<IndicatorKey, IndicatorValue> consumer = consumer(avro)) {
            consumer.subscribe(List.of(EventTopics.INDICATORS_TRADE.name(), EventTopics.INDICATORS_PRODUCTION.name(),
                    EventTopics.INDICATORS_INVESTMENT.name()));
            trade.send(new ProducerRecord<>(EventTopics.TRADE_CLASSIFIED.name(), "BE-X",
                    new ClassifiedTrade("BE", YEAR, "X", "854140", 300.0, SOLAR, "T-it", "c-it", Map.of(), Map.of())));
            trade.send(new ProducerRecord<>(EventTopics.TRADE_CLASSIFIED.name(), "DE-M",
                    new ClassifiedTrade("DE", YEAR, "M", "854140", 100.0, SOLAR, "T-it", "c-it", Map.of(), Map.of())));
            production.send(new ProducerRecord<>(EventTopics.PRODUCTION_CLASSIFIED.name(), "BE-solar",
                    new ClassifiedProduction("BE", YEAR, "26112240", 300.0, SOLAR, "P-it", "c-it", Map.of(), Map.of())));
            production.send(new ProducerRecord<>(EventTopics.PRODUCTION_CLASSIFIED.name(), "BE-other",
                    new ClassifiedProduction("BE", YEAR, "10111100", 700.0, List.of(), "P-it", "c-it", Map.of(), Map.of())));
            rounds.send(new ProducerRecord<>(EventTopics.INVESTMENT_CLASSIFIED.name(), "round-1",
                    new ClassifiedRound("BE", ROUND_YEAR, "seed", true, 1e6, List.of("D.AI"), "C-it", "c-it", Map.of(), Map.of())));
            trade.flush();
            production.flush();
            rounds.flush();

            // Trade: 2 reporters and EU27 x 32 codes x 2 flows, 3 balances each, 3 ranks for each member.
            // Production: 1 reporter x 32 x (value, tech_share, eu_share), EU27 x 32 x (value, tech_share).
            // Investment: (27 members, 4 peers, EU27) x 32 x 2 per year.
            awaitIndicators(consumer, compacted, Map.of("trade.", 207, "production.", 160, "investment.", 2048),
                    Map.of("investment.", 2048));
            assertEquals(50.0, value(compacted, "trade.balance", "EU27", "G.REN.SOLAR", YEAR), 0.0);
            assertEquals(1e6, value(compacted, "investment.pe_vc_usd", "EU27", "D.AI", TOTAL), 0.0);
            assertEquals(100.0, value(compacted, "trade.balance", "BE", "G.REN.SOLAR", YEAR), 0.0);
            assertEquals(-100.0, value(compacted, "trade.balance", "DE", "G.REN.SOLAR", YEAR), 0.0);
            assertEquals(2.0, value(compacted, "trade.eu27_rank", "DE", "ELEC", YEAR), 0.0);
            assertEquals(30.0, value(compacted, "production.tech_share", "BE", "G.REN.SOLAR", YEAR), 0.0);
            assertEquals(100.0, value(compacted, "production.eu_share", "BE", "ELEC", YEAR), 0.0);
            assertEquals(1e6, value(compacted, "investment.pe_vc_usd", "BE", "D.AI", ROUND_YEAR), 0.0);
            assertEquals(1.0, value(compacted, "investment.rounds", "BE", "D.AI", TOTAL), 0.0);
            IndicatorValue provenance = compacted.get(new IndicatorKey("trade.exports", "BE", "ELEC", YEAR));
            assertEquals(Map.of("comtrade", "T-it"), provenance.getProvenance().getReleases());
            assertEquals("c-it", provenance.getProvenance().getConcordanceVersion());

            trade.send(new ProducerRecord<>(EventTopics.TRADE_CLASSIFIED.name(), "DE-M", null));
            rounds.send(new ProducerRecord<>(EventTopics.INVESTMENT_CLASSIFIED.name(), "round-1", null));
            trade.flush();
            rounds.flush();

            // DE leaves the trade year; the investment years lose their only round.
            awaitIndicators(consumer, compacted, Map.of("trade.", 137, "production.", 160, "investment.", 0),
                    Map.of("investment.", 0));
            assertNull(compacted.get(new IndicatorKey("trade.exports", "DE", "ELEC", YEAR)));
            assertEquals(1.0, value(compacted, "trade.eu27_rank", "BE", "ELEC", YEAR), 0.0);
        }

        await().atMost(PROPAGATION).untilAsserted(() -> given().get("/api/pending")
                .then().statusCode(200).body("pending", equalTo(false)).body("byFamily.trade", notNullValue()));
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("year status stores"));
    }

    private static double value(Map<IndicatorKey, IndicatorValue> compacted, String indicator, String country,
            String code, int year) {
        IndicatorValue value = compacted.get(new IndicatorKey(indicator, country, code, year));
        assertFalse(value == null, () -> "no " + indicator + " " + country + " " + code + " " + year);
        return value.getValue();
    }

    /**
     * Reads the topics into a compacted view until each family holds the expected number of
     * indicators in {@link #YEAR} (investment: in {@link #ROUND_YEAR}), and the year-0 totals too.
     */
    private static void awaitIndicators(KafkaConsumer<IndicatorKey, IndicatorValue> consumer,
            Map<IndicatorKey, IndicatorValue> compacted, Map<String, Integer> expected,
            Map<String, Integer> expectedTotals) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(100)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.value() == null) {
                    compacted.remove(record.key());
                } else {
                    compacted.put(record.key(), record.value());
                }
            });
            for (Map.Entry<String, Integer> family : expected.entrySet()) {
                int year = family.getKey().equals("investment.") ? ROUND_YEAR : YEAR;
                if (count(compacted, family.getKey(), year) != family.getValue()) {
                    return false;
                }
            }
            return expectedTotals.entrySet().stream()
                    .allMatch(total -> count(compacted, total.getKey(), TOTAL) == total.getValue());
        });
    }

    private static long count(Map<IndicatorKey, IndicatorValue> compacted, String family, int year) {
        return compacted.keySet().stream()
                .filter(k -> k.getIndicator().startsWith(family) && k.getYear() == year).count();
    }

    private <V> KafkaProducer<String, V> producer(Serializer<V> serializer) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    private KafkaConsumer<IndicatorKey, IndicatorValue> consumer(AvroSerdes avro) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "source-indicator-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, avro.keySerde(IndicatorKey.class).deserializer(),
                avro.valueSerde(IndicatorValue.class).deserializer());
    }
}
