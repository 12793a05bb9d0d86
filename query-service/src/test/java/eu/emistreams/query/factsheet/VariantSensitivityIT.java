package eu.emistreams.query.factsheet;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.VariantNames;
import eu.emistreams.events.concordance.Concordance;
import eu.emistreams.events.concordance.ConcordanceRule;
import eu.emistreams.events.indicator.IndicatorValue;
import eu.emistreams.events.indicator.Provenance;
import eu.emistreams.events.indicator.VariantIndicatorKey;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import eu.emistreams.query.testing.InstanceAddressResource;
import eu.emistreams.query.testing.StackClients;
import eu.emistreams.stack.test.EmiStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A variant rule set as the query service sees it, against the real broker and registry: the
 * variant named on emi.concordance (as the classifier publishes it) and its values on
 * emi.indicators.variants (as the indicator service publishes them) are served with
 * {@code variant=NAME} by /api/indicators, /api/export and the fact sheet, and compared with the
 * rules in force on the sensitivity page, checked in Debian's headless Chromium. An unknown
 * variant is a 404 naming it, a malformed one a 400, a dropped one unknown again.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = InstanceAddressResource.class, restrictToAnnotatedClass = false)
class VariantSensitivityIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    // A country and a year of its own, so that the other fact sheet tests of this JVM see none of it.
    private static final String COUNTRY = "LU";
    private static final int YEAR = 2031;
    private static final String VARIANT = "strict-ipc";

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    @Test
    void aVariantIsServedBesideTheRulesInForceAndComparedOnTheSensitivityPage() throws Exception {
        try (StackClients stack = new StackClients();
                KafkaProducer<String, Concordance> concordances = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackClients.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                        new StringSerializer(), stack.avro().valueSerde(Concordance.class).serializer());
                KafkaProducer<VariantIndicatorKey, IndicatorValue> variantValues = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackClients.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                        stack.avro().keySerde(VariantIndicatorKey.class).serializer(),
                        stack.avro().valueSerde(IndicatorValue.class).serializer())) {
            given().get("/api/indicators?variant=" + VARIANT).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("title", equalTo("Unknown variant")).body("parameter", equalTo("variant"))
                    .body("detail", containsString(VARIANT));
            given().get("/api/indicators?variant=Not_A_Name").then().statusCode(400).body("parameter", equalTo("variant"));
            given().get("/factsheet/" + COUNTRY + "/sensitivity").then().statusCode(400).body("parameter", equalTo("variant"));

            concordances.send(new ProducerRecord<>(EventTopics.CONCORDANCE.name(), VariantNames.concordanceKey(VARIANT),
                    Concordance.newBuilder().setVersion("0123456789ab").setName("strict.csv").setLoadedAt(1L)
                            .setRules(List.of(new ConcordanceRule("IPC", "A01", "ECOSYSTEM", "AGRI"))).build()))
                    .get(30, TimeUnit.SECONDS);
            List<IndicatorRowWithProvenance> inForce = new ArrayList<>();
            Map<String, double[]> values = Map.of(
                    // code: country share, world share, rank in force; then under the variant
                    "AGRI", new double[] {12.5, 1.25, 7, 10.0, 2.5, 3},
                    "D.AI", new double[] {4.0, 0.5, 12, 4.0, 0.5, 12});
            values.forEach((code, v) -> {
                inForce.add(row(Sensitivity.COUNTRY_SHARE, code, v[0]));
                inForce.add(row(Sensitivity.WORLD_SHARE, code, v[1]));
                inForce.add(row(Sensitivity.RANK, code, v[2]));
                send(variantValues, Sensitivity.COUNTRY_SHARE, code, v[3]);
                send(variantValues, Sensitivity.WORLD_SHARE, code, v[4]);
                send(variantValues, Sensitivity.RANK, code, v[5]);
            });
            variantValues.flush();
            stack.publishRows(inForce);

            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().get("/api/indicators?country=" + COUNTRY + "&year=" + YEAR + "&variant=" + VARIANT)
                            .then().statusCode(200).body("size()", equalTo(6)));
            given().get("/api/indicators?indicator=patent.world_share&country=" + COUNTRY + "&code=AGRI&year=" + YEAR
                    + "&variant=" + VARIANT).then().statusCode(200).body("[0].value", equalTo(2.5f));
            given().get("/api/indicators?indicator=patent.world_share&country=" + COUNTRY + "&code=AGRI&year=" + YEAR)
                    .then().statusCode(200).body("[0].value", equalTo(1.25f));
            String csv = given().get("/api/export?country=" + COUNTRY + "&year=" + YEAR + "&variant=" + VARIANT)
                    .then().statusCode(200).header("Content-Disposition", containsString(VARIANT)).extract().asString();
            assertEquals(7, csv.strip().split("\r\n").length, csv);
            assertTrue(csv.contains("patent.eu27_rank,LU,AGRI,"), csv);
            given().get("/factsheet/" + COUNTRY + "?variant=" + VARIANT).then().statusCode(200)
                    .body(containsString("under the variant " + VARIANT));
            given().get("/factsheet/" + COUNTRY + "/sensitivity?variant=nope").then().statusCode(404)
                    .body("title", equalTo("Unknown variant"));
            given().get("/factsheet/XX/sensitivity?variant=" + VARIANT).then().statusCode(404)
                    .body("title", equalTo("Unknown country"));

            try (ChromiumBrowser browser = ChromiumBrowser.start()) {
                ChromeDriver driver = browser.driver();
                driver.get("http://127.0.0.1:" + port() + "/factsheet/" + COUNTRY + "/sensitivity?variant=" + VARIANT);
                WebElement agri = driver.findElement(By.cssSelector("#sensitivity-ecosystems tr[data-code='AGRI']"));
                List<String> cells = agri.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                assertEquals(List.of("12.50", "10.00", "-2.50", "1.25", "2.50", "+1.25", "7", "3", "-4"), cells);
                WebElement ai = driver.findElement(By.cssSelector("#sensitivity-technologies tr[data-code='D.AI']"));
                assertEquals(List.of("4.00", "4.00", "+0.00", "0.50", "0.50", "+0.00", "12", "12", "0"),
                        ai.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
                assertEquals(String.valueOf(YEAR), driver.findElement(By.id("sensitivity-year")).getText());
                assertEquals(14, driver.findElements(By.cssSelector("#sensitivity-ecosystems tbody tr")).size());
                assertEquals(18, driver.findElements(By.cssSelector("#sensitivity-technologies tbody tr")).size());
                assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Luxembourg"));
                Files.createDirectories(FactSheetDocumentTest.ARTIFACTS);
                browser.screenshotWholePage(FactSheetDocumentTest.ARTIFACTS.resolve("sensitivity-LU.png"));
                assertEquals(List.of(), browser.consoleEntries().stream()
                        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList(), "console errors");
            }

            // Dropped: the classifier publishes the tombstone of its key.
            concordances.send(new ProducerRecord<>(EventTopics.CONCORDANCE.name(), VariantNames.concordanceKey(VARIANT), null))
                    .get(30, TimeUnit.SECONDS);
            await().atMost(PROPAGATION).untilAsserted(() ->
                    given().get("/api/indicators?variant=" + VARIANT).then().statusCode(404));
        }
    }

    private static IndicatorRowWithProvenance row(String indicator, String code, double value) {
        return new IndicatorRowWithProvenance(indicator, COUNTRY, code, YEAR, value, Map.of("patstat", "2031-spring"), "c-1");
    }

    private static void send(KafkaProducer<VariantIndicatorKey, IndicatorValue> producer, String indicator, String code,
            double value) {
        producer.send(new ProducerRecord<>(EventTopics.INDICATORS_VARIANTS.name(),
                new VariantIndicatorKey(VARIANT, indicator, COUNTRY, code, YEAR),
                new IndicatorValue(indicator, COUNTRY, code, YEAR, value,
                        new Provenance(Map.of("patstat", "2031-spring"), "c-1"), System.currentTimeMillis(), null)));
    }
}
