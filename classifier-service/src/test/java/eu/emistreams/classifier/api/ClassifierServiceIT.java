package eu.emistreams.classifier.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.classifier.concordance.ShippedConcordance;
import eu.emistreams.classifier.rules.Classifier;
import eu.emistreams.classifier.rules.ConcordanceParser;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.events.patstat.Applicant;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.events.prodcom.ProductionObservation;
import eu.emistreams.stack.test.EmiStackTestResource;
import eu.emistreams.streams.ReplaceFailedStreamThreads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The classifier against the real broker and registry: an application, a trade row, a production
 * observation and a funding round come out classified under the shipped concordance; a malformed
 * file is refused with its line; a new concordance loaded over HTTP re-classifies the records of
 * every source already held, and the call returns once that is done.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
class ClassifierServiceIT {

    @Inject
    Instance<StreamsUncaughtExceptionHandler> uncaughtExceptionHandler;

    @Test
    void aFailedStreamThreadIsReplacedRatherThanTheClientShutDown() {
        // The handler comes from module streams-support: this fails if Quarkus stops discovering it.
        assertInstanceOf(ReplaceFailedStreamThreads.class, uncaughtExceptionHandler.get());
    }

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final String NEW_RULES = """
            scheme,pattern,dimension,code
            IPC,H02S,ECOSYSTEM,REN
            KEYWORD,rooftop,TECHNOLOGY,G.REN.SOLAR
            HS6,8541,ECOSYSTEM,DIGI
            PRODCOM8,2611,ECOSYSTEM,DIGI
            CB_CATEGORY,solar,ECOSYSTEM,DIGI
            """;
    private static final String TRADE_KEY = "2021|BEL|X|0|854140|C00|0";
    private static final String PRODUCTION_KEY = "BE|26112240|PRODVAL|2021";
    private static final String ROUND_KEY = "round-it-1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "emi.registry.url")
    String registryUrl;

    /** A request with the API token that the write endpoints require (%test.emi.auth.token). */
    private static io.restassured.specification.RequestSpecification writer() {
        return given().header("Authorization", "Bearer test-api-token");
    }

    @Test
    void classifiesThenReClassifiesUnderALoadedConcordance() throws Exception {
        RuleSet shipped = ShippedConcordance.load();
        RuleSet loaded = ConcordanceParser.parse("rooftop.csv", NEW_RULES);
        AvroSerdes avro = new AvroSerdes(registryUrl);
        Map<String, ClassifiedPatent> latest = new HashMap<>();
        try (KafkaProducer<String, PatentApplication> producer = producer(avro);
                KafkaConsumer<String, ClassifiedPatent> consumer = consumer(avro);
                OtherSources others = new OtherSources(avro)) {
            consumer.subscribe(List.of(EventTopics.PATENTS_CLASSIFIED.name()));
            producer.send(new ProducerRecord<>(EventTopics.PATSTAT_APPLICATIONS.name(), "7001",
                    application(7001, "Rooftop wind turbine", List.of("H02S 20/23"), "BE", "ZZ")));
            producer.send(new ProducerRecord<>(EventTopics.PATSTAT_APPLICATIONS.name(), "7002",
                    application(7002, "A teapot", List.of("A47G19/14"))));
            producer.flush();
            others.send();

            await().atMost(PROPAGATION).until(() -> poll(consumer, latest)
                    && latest.containsKey("7001") && latest.containsKey("7002"));
            others.awaitVersion(shipped.version());
            Classifier shippedClassifier = Classifier.compile(shipped);
            assertEquals(shippedClassifier.classifyHs6("854140"), others.trade().getCodes());
            assertTrue(others.trade().getCodes().contains("G.REN.SOLAR"), others.trade().getCodes().toString());
            assertEquals(9.5e6, others.trade().getValueUsd(), 0.0);
            assertEquals(shippedClassifier.classifyProdcom8("26112240"), others.production().getCodes());
            assertEquals(shippedClassifier.classifyCategories(List.of("Solar")), others.round().getCodes());
            assertTrue(others.round().getPeVc());
            ClassifiedPatent first = latest.get("7001");
            assertEquals(shipped.version(), first.getConcordanceVersion());
            assertEquals(List.of("BE", "ZZ"), first.getApplicantCountries());
            assertEquals(2021, first.getYear());
            assertTrue(first.getCodes().containsAll(List.of("G.REN", "G.REN.SOLAR", "G.REN.WIND", "REN")),
                    first.getCodes().toString());

            given().when().get("/api/concordance").then().statusCode(200)
                    .body("version", equalTo(shipped.version()))
                    .body("shippedDefault", equalTo(true))
                    .body("rules", equalTo(shipped.rules().size()));

            writer().contentType("text/csv").body("scheme,pattern,dimension,code\nIPC,H02S,ECOSYSTEM,REN\nIPC,H02S,ECOSYSTEM,X.Y\n")
                    .when().put("/api/concordance?name=bad.csv")
                    .then().statusCode(400).contentType(ContentType.JSON)
                    .body("title", equalTo("Malformed concordance"))
                    .body("detail", equalTo("line 3: unknown code X.Y"))
                    .body("line", equalTo(3));
            // Without the API token, or with another, the rules in force stay.
            given().contentType("text/csv").body(NEW_RULES).when().put("/api/concordance?name=rooftop.csv")
                    .then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
            given().header("Authorization", "Bearer not-the-token").contentType("text/csv").body(NEW_RULES)
                    .when().put("/api/concordance?name=rooftop.csv").then().statusCode(401);
            given().when().get("/api/concordance").then().body("version", equalTo(shipped.version()));

            writer().contentType("text/csv").body(NEW_RULES)
                    .when().put("/api/concordance?name=rooftop.csv")
                    .then().statusCode(200)
                    .body("version", equalTo(loaded.version()))
                    .body("name", equalTo("rooftop.csv"))
                    .body("rules", equalTo(5));

            // The answer came once every task had re-emitted its applications: they are on the topic.
            await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, latest)
                    && loaded.version().equals(latest.get("7001").getConcordanceVersion())
                    && loaded.version().equals(latest.get("7002").getConcordanceVersion()));
            assertEquals(List.of("G.REN", "G.REN.SOLAR", "REN"), latest.get("7001").getCodes());
            assertEquals(List.of(), latest.get("7002").getCodes());
            others.awaitVersion(loaded.version());
            assertEquals(List.of("DIGI"), others.trade().getCodes());
            assertEquals(List.of("DIGI"), others.production().getCodes());
            assertEquals(List.of("DIGI"), others.round().getCodes());

            given().when().get("/api/concordance").then().statusCode(200)
                    .body("version", equalTo(loaded.version()))
                    .body("name", equalTo("rooftop.csv"))
                    .body("shippedDefault", equalTo(false))
                    .body("rulesPerScheme.IPC", equalTo(1))
                    .body("rulesPerScheme.HS6", equalTo(1))
                    .body("appliedEverywhere", equalTo(true));
            // Every task of the four sources' sub-topologies applied it: one per partition of
            // emi.patstat.applications (4), emi.comtrade.flows, emi.prodcom.observations, emi.crunchbase.rounds (2 each).
            Map<String, String> appliedByTask = given().when().get("/api/concordance").then().extract()
                    .jsonPath().getMap("appliedByLocalTasks", String.class, String.class);
            assertEquals(10, appliedByTask.size(), appliedByTask.toString());
            assertEquals(4, appliedByTask.keySet().stream().map(task -> task.substring(0, task.indexOf('_')))
                    .collect(Collectors.toSet()).size(), appliedByTask.toString());
            assertTrue(appliedByTask.values().stream().allMatch(loaded.version()::equals), appliedByTask.toString());

            producer.send(new ProducerRecord<>(EventTopics.PATSTAT_APPLICATIONS.name(), "7001", null));
            producer.flush();
            await().atMost(PROPAGATION).until(() -> poll(consumer, latest) && latest.get("7001") == null);
            assertNull(latest.get("7001"));
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get();
            assertTrue(topics.contains("emi-classifier-classifier-progress-changelog"), topics.toString());
            assertTrue(topics.contains("emi-classifier-trade-classifier-progress-changelog"), topics.toString());
            assertFalse(topics.contains("emi-classifier-comtrade-flows-changelog"),
                    "the source topic is the trade table's changelog: " + topics);
            assertFalse(topics.contains("emi-classifier-patstat-applications-changelog"),
                    "the source topic is the applications table's changelog: " + topics);
        }
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("concordance store"));
    }

    @Test
    void answersBadRequestsWithJsonProblems() {
        writer().contentType("text/csv").body(NEW_RULES).when().put("/api/concordance")
                .then().statusCode(400).contentType(ContentType.JSON).body("title", equalTo("Missing parameter"));
        writer().contentType("text/csv").body("").when().put("/api/concordance?name=empty.csv")
                .then().statusCode(400).body("line", equalTo(1));
        writer().contentType("text/csv").body("scheme,pattern\nIPC,H02S\n").when().put("/api/concordance?name=x.csv")
                .then().statusCode(400)
                .body("detail", equalTo("line 1: the header must be exactly scheme,pattern,dimension,code, found scheme,pattern"));
        writer().contentType("application/json").body("{}").when().put("/api/concordance?name=x.json")
                .then().statusCode(415).contentType(ContentType.JSON);
        // The instances no longer ask each other: the rollout reads emi.progress.
        given().when().get("/api/concordance/applied").then().statusCode(404);
        given().when().get("/api/nothing-here").then().statusCode(404);
    }

    /** Reads what is there; true so it can lead an await condition. */
    private static boolean poll(KafkaConsumer<String, ClassifiedPatent> consumer, Map<String, ClassifiedPatent> latest) {
        for (ConsumerRecord<String, ClassifiedPatent> record : consumer.poll(Duration.ofMillis(500))) {
            latest.put(record.key(), record.value());
        }
        return true;
    }

    private KafkaProducer<String, PatentApplication> producer(AvroSerdes avro) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), avro.valueSerde(PatentApplication.class).serializer());
    }

    private KafkaConsumer<String, ClassifiedPatent> consumer(AvroSerdes avro) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "classifier-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(),
                avro.valueSerde(ClassifiedPatent.class).deserializer());
    }

    private static PatentApplication application(long id, String title, List<String> ipc, String... countries) {
        List<Applicant> applicants = new java.util.ArrayList<>();
        for (int i = 0; i < countries.length; i++) {
            applicants.add(Applicant.newBuilder().setPersonId(id * 10 + i).setApplicantSeqNr(i + 1)
                    .setCountry(countries[i]).build());
        }
        return PatentApplication.newBuilder().setApplnId(id).setAuthority("WO").setEarliestFilingYear(2021)
                .setApplicants(applicants).setIpcSymbols(ipc).setTitle(title).setSourceRelease("it-release").build();
    }

    /** The trade, production and investment side of the test: one record of each, and their classified versions. */
    private final class OtherSources implements AutoCloseable {

        private final AvroSerdes avro;
        private final KafkaConsumer<String, ClassifiedTrade> tradeConsumer;
        private final KafkaConsumer<String, ClassifiedProduction> productionConsumer;
        private final KafkaConsumer<String, ClassifiedRound> roundConsumer;
        private final Map<String, ClassifiedTrade> trade = new HashMap<>();
        private final Map<String, ClassifiedProduction> production = new HashMap<>();
        private final Map<String, ClassifiedRound> rounds = new HashMap<>();

        OtherSources(AvroSerdes avro) {
            this.avro = avro;
            tradeConsumer = consumerOf(avro.valueSerde(ClassifiedTrade.class).deserializer(), EventTopics.TRADE_CLASSIFIED.name());
            productionConsumer = consumerOf(avro.valueSerde(ClassifiedProduction.class).deserializer(),
                    EventTopics.PRODUCTION_CLASSIFIED.name());
            roundConsumer = consumerOf(avro.valueSerde(ClassifiedRound.class).deserializer(),
                    EventTopics.INVESTMENT_CLASSIFIED.name());
        }

        void send() {
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, TradeFlow> flows = new KafkaProducer<>(config, new StringSerializer(),
                            avro.valueSerde(TradeFlow.class).serializer());
                    KafkaProducer<String, ProductionObservation> observations = new KafkaProducer<>(config,
                            new StringSerializer(), avro.valueSerde(ProductionObservation.class).serializer());
                    KafkaProducer<String, FundingRound> fundingRounds = new KafkaProducer<>(config,
                            new StringSerializer(), avro.valueSerde(FundingRound.class).serializer())) {
                flows.send(new ProducerRecord<>(EventTopics.COMTRADE_FLOWS.name(), TRADE_KEY, TradeFlow.newBuilder()
                        .setRefYear(2021).setReporterIso3("BEL").setReporterCountry("BE").setFlowCode("X")
                        .setPartnerCode(0).setCmdCode("854140").setCustomsCode("C00").setMotCode("0")
                        .setPrimaryValue(9.5e6).setSourceRelease("it-comtrade").build()));
                observations.send(new ProducerRecord<>(EventTopics.PRODCOM_OBSERVATIONS.name(), PRODUCTION_KEY,
                        ProductionObservation.newBuilder().setReporter("BE").setCountry("BE").setProduct("26112240")
                                .setIndicator("PRODVAL").setYear(2021).setValueEur(1.25e6)
                                .setSourceRelease("it-prodcom").build()));
                fundingRounds.send(new ProducerRecord<>(EventTopics.CRUNCHBASE_ROUNDS.name(), ROUND_KEY,
                        FundingRound.newBuilder().setRoundUuid(ROUND_KEY).setOrgUuid("org-it").setCountry("BE")
                                .setCountryIso3("BEL").setCategories(List.of("Solar")).setInvestmentType("series_a")
                                .setAnnouncedOn("2021-03-04").setYear(2021).setRaisedAmountUsd(2e6)
                                .setSourceRelease("it-crunchbase").build()));
            }
        }

        /** Waits until the record of each source came out classified under {@code version}. */
        void awaitVersion(String version) {
            await().atMost(PROPAGATION).until(() -> {
                drain(tradeConsumer, trade);
                drain(productionConsumer, production);
                drain(roundConsumer, rounds);
                return trade.get(TRADE_KEY) != null && version.equals(trade.get(TRADE_KEY).getConcordanceVersion())
                        && production.get(PRODUCTION_KEY) != null
                        && version.equals(production.get(PRODUCTION_KEY).getConcordanceVersion())
                        && rounds.get(ROUND_KEY) != null && version.equals(rounds.get(ROUND_KEY).getConcordanceVersion());
            });
        }

        ClassifiedTrade trade() {
            return trade.get(TRADE_KEY);
        }

        ClassifiedProduction production() {
            return production.get(PRODUCTION_KEY);
        }

        ClassifiedRound round() {
            return rounds.get(ROUND_KEY);
        }

        private <V> KafkaConsumer<String, V> consumerOf(Deserializer<V> deserializer, String topic) {
            Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "classifier-it-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
            consumer.subscribe(List.of(topic));
            return consumer;
        }

        private static <V> void drain(KafkaConsumer<String, V> consumer, Map<String, V> latest) {
            for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                latest.put(record.key(), record.value());
            }
        }

        @Override
        public void close() {
            tradeConsumer.close();
            productionConsumer.close();
            roundConsumer.close();
        }
    }
}
