package eu.emistreams.indicator.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.stack.test.EmiStackTestResource;
import eu.emistreams.streams.ReplaceFailedStreamThreads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The service against the real broker and registry: classified applications written as the
 * classifier writes them come out as Avro indicators on the indicator topic, and a retraction
 * takes them back.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
class PatentIndicatorServiceIT {

    @Inject
    Instance<StreamsUncaughtExceptionHandler> uncaughtExceptionHandler;

    @Test
    void aFailedStreamThreadIsReplacedRatherThanTheClientShutDown() {
        // The handler comes from module streams-support: this fails if Quarkus stops discovering it.
        assertInstanceOf(ReplaceFailedStreamThreads.class, uncaughtExceptionHandler.get());
    }

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final int YEAR = 1995;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "emi.registry.url")
    String registryUrl;

    @Test
    void publishesTheIndicatorsOfClassifiedApplicationsAndRetractsThem() {
        AvroSerdes avro = new AvroSerdes(registryUrl);
        Map<IndicatorKey, IndicatorValue> compacted = new HashMap<>();
        try (KafkaProducer<String, ClassifiedPatent> producer = producer(avro);
                KafkaConsumer<IndicatorKey, IndicatorValue> consumer = consumer(avro)) {
            consumer.subscribe(List.of(EventTopics.INDICATORS_PATENT.name()));
            producer.send(classified(9001, List.of("BE", "BE", "CA"), List.of("AGRI")));
            producer.send(classified(9002, List.of("DE"), List.of("AGRI", "G.REN", "G.REN.SOLAR")));
            producer.flush();

            // 33 countries (EU27, the peers US CN JP KR, the EU27 economy, CA) x 32 codes x 3, and 27
            // ranks for AGRI, G.REN and G.REN.SOLAR.
            awaitIndicators(consumer, compacted, 33 * 32 * 3 + 3 * 27);
            assertEquals(5.0 / 3, value(compacted, "patent.count", "EU27", "AGRI"), 1e-12);
            assertEquals(0.0, value(compacted, "patent.count", "US", "AGRI"), 0.0);
            assertEquals(2.0 / 3, value(compacted, "patent.count", "BE", "AGRI"), 0.0);
            assertEquals(50.0, value(compacted, "patent.world_share", "DE", "AGRI"), 0.0);
            assertEquals(100.0 / 3, value(compacted, "patent.world_share", "BE", "AGRI"), 1e-12);
            assertEquals(1.0, value(compacted, "patent.eu27_rank", "DE", "AGRI"), 0.0);
            assertEquals(2.0, value(compacted, "patent.eu27_rank", "BE", "AGRI"), 0.0);
            IndicatorValue provenance = compacted.get(key("patent.count", "BE", "AGRI"));
            assertEquals(Map.of("patstat", "R-it"), provenance.getProvenance().getReleases());
            assertEquals("c-it", provenance.getProvenance().getConcordanceVersion());

            producer.send(new ProducerRecord<>(EventTopics.PATENTS_CLASSIFIED.name(), "9001", null));
            producer.flush();

            // CA loses its only weight in the year: its 96 indicators are tombstoned.
            awaitIndicators(consumer, compacted, 32 * 32 * 3 + 3 * 27);
            assertNull(compacted.get(key("patent.count", "CA", "AGRI")));
            assertEquals(0.0, value(compacted, "patent.count", "BE", "AGRI"), 0.0);
            assertEquals(100.0, value(compacted, "patent.world_share", "DE", "AGRI"), 0.0);
        }

        await().atMost(PROPAGATION).untilAsserted(() -> given().get("/api/pending")
                .then().statusCode(200).body("pending", equalTo(false)));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static ProducerRecord<String, ClassifiedPatent> classified(long applnId, List<String> countries,
            List<String> codes) {
        return new ProducerRecord<>(EventTopics.PATENTS_CLASSIFIED.name(), Long.toString(applnId),
                new ClassifiedPatent(applnId, YEAR, countries, codes, "R-it", "c-it", Map.of(), Map.of()));
    }

    private static IndicatorKey key(String indicator, String country, String code) {
        return new IndicatorKey(indicator, country, code, YEAR);
    }

    private static double value(Map<IndicatorKey, IndicatorValue> compacted, String indicator, String country,
            String code) {
        IndicatorValue value = compacted.get(key(indicator, country, code));
        assertFalse(value == null, () -> "no " + indicator + " " + country + " " + code);
        return value.getValue();
    }

    /** Reads the topic into a compacted view until the year holds {@code expected} indicators. */
    private static void awaitIndicators(KafkaConsumer<IndicatorKey, IndicatorValue> consumer,
            Map<IndicatorKey, IndicatorValue> compacted, int expected) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(100)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.value() == null) {
                    compacted.remove(record.key());
                } else {
                    compacted.put(record.key(), record.value());
                }
            });
            return compacted.keySet().stream().filter(k -> k.getYear() == YEAR).count() == expected;
        });
    }

    private KafkaProducer<String, ClassifiedPatent> producer(AvroSerdes avro) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), avro.valueSerde(ClassifiedPatent.class).serializer());
    }

    private KafkaConsumer<IndicatorKey, IndicatorValue> consumer(AvroSerdes avro) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "indicator-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The service writes in transactions: only committed indicators exist for subscribers.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, avro.keySerde(IndicatorKey.class).deserializer(),
                avro.valueSerde(IndicatorValue.class).deserializer());
    }
}
