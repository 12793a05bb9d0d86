package eu.emistreams.classifier.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.emistreams.classifier.rules.ConcordanceParser;
import eu.emistreams.classifier.rules.RuleSet;
import eu.emistreams.events.AvroSerdes;
import eu.emistreams.events.EventTopics;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.patstat.Applicant;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.stack.test.EmiStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Variant rule sets over HTTP against the real broker and registry: a variant loaded beside the
 * rules in force tags every record under it too (the answer comes once every task has re-emitted),
 * a malformed name or file is refused, writes need the API token, and a drop takes its codes away.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
class VariantRulesIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final String VARIANT_RULES = """
            scheme,pattern,dimension,code
            IPC,A47G,ECOSYSTEM,RETA
            KEYWORD,teapot,TECHNOLOGY,D.IOT
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "emi.registry.url")
    String registryUrl;

    private static RequestSpecification writer() {
        return given().header("Authorization", "Bearer test-api-token");
    }

    @Test
    void aVariantTagsEveryRecordBesideTheRulesInForceUntilItIsDropped() {
        RuleSet variant = ConcordanceParser.parse("teapots.csv", VARIANT_RULES);
        AvroSerdes avro = new AvroSerdes(registryUrl);
        Map<String, ClassifiedPatent> latest = new HashMap<>();
        try (KafkaProducer<String, PatentApplication> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                        new StringSerializer(), avro.valueSerde(PatentApplication.class).serializer());
                KafkaConsumer<String, ClassifiedPatent> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "variant-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                        new StringDeserializer(), avro.valueSerde(ClassifiedPatent.class).deserializer())) {
            consumer.subscribe(List.of(EventTopics.PATENTS_CLASSIFIED.name()));
            producer.send(new ProducerRecord<>(EventTopics.PATSTAT_APPLICATIONS.name(), "8001",
                    application(8001, "A teapot", List.of("A47G19/14"))));
            producer.flush();
            await().atMost(PROPAGATION).until(() -> poll(consumer, latest) && latest.containsKey("8001"));
            assertEquals(Map.of(), latest.get("8001").getVariantCodes());

            // Refused: no token, a malformed name, a malformed file (every bad line), an unknown variant.
            given().contentType("text/csv").body(VARIANT_RULES).when().put("/api/concordance/variants/teapots")
                    .then().statusCode(401);
            writer().contentType("text/csv").body(VARIANT_RULES).when().put("/api/concordance/variants/Tea_Pots")
                    .then().statusCode(400).contentType(ContentType.JSON).body("title", equalTo("Malformed variant name"));
            writer().contentType("text/csv").body("scheme,pattern,dimension,code\nIPC,A47G,ECOSYSTEM,X.Y\nHS6,85,ECOSYSTEM,Q\n")
                    .when().put("/api/concordance/variants/teapots")
                    .then().statusCode(400).body("title", equalTo("Malformed concordance"))
                    .body("problems.size()", equalTo(2));
            given().when().get("/api/concordance/variants/teapots").then().statusCode(404)
                    .body("title", equalTo("Unknown variant")).body("detail", org.hamcrest.Matchers.containsString("teapots"));
            writer().when().delete("/api/concordance/variants/teapots").then().statusCode(404);
            given().when().delete("/api/concordance/variants/teapots").then().statusCode(401);

            writer().contentType("text/csv").body(VARIANT_RULES).when().put("/api/concordance/variants/teapots?name=teapots.csv")
                    .then().statusCode(200)
                    .body("variant", equalTo("teapots"))
                    .body("version", equalTo(variant.version()))
                    .body("applied", equalTo(true));
            // Answered once every task re-emitted: the record carries its codes under the variant.
            await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, latest)
                    && latest.get("8001").getVariantCodes().containsKey("teapots"));
            ClassifiedPatent tagged = latest.get("8001");
            assertEquals(List.of("D.IOT", "RETA"), tagged.getVariantCodes().get("teapots"));
            assertEquals(variant.version(), tagged.getVariantVersions().get("teapots"));
            given().when().get("/api/concordance/variants").then().statusCode(200)
                    .body("variant", hasItem("teapots")).body("appliedEverywhere", hasItem(true));

            writer().when().delete("/api/concordance/variants/teapots").then().statusCode(200)
                    .body("applied", equalTo(true));
            await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, latest)
                    && latest.get("8001").getVariantCodes().isEmpty());
            given().when().get("/api/concordance/variants/teapots").then().statusCode(404);
        }
    }

    private static boolean poll(KafkaConsumer<String, ClassifiedPatent> consumer, Map<String, ClassifiedPatent> latest) {
        for (ConsumerRecord<String, ClassifiedPatent> record : consumer.poll(Duration.ofMillis(500))) {
            latest.put(record.key(), record.value());
        }
        return true;
    }

    private static PatentApplication application(long id, String title, List<String> ipc) {
        return PatentApplication.newBuilder().setApplnId(id).setAuthority("WO").setEarliestFilingYear(2021)
                .setApplicants(List.of(Applicant.newBuilder().setPersonId(id * 10).setApplicantSeqNr(1)
                        .setCountry("BE").build()))
                .setIpcSymbols(ipc).setTitle(title).setSourceRelease("it-release").build();
    }
}
