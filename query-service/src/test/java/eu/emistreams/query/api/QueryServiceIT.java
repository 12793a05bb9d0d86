package eu.emistreams.query.api;

import static eu.emistreams.query.testing.Records.key;
import static eu.emistreams.query.testing.Records.report;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.query.serving.IndicatorRow;
import eu.emistreams.query.testing.InstanceAddressResource;
import eu.emistreams.query.testing.Records;
import eu.emistreams.query.testing.StackClients;
import eu.emistreams.stack.test.EmiStackTestResource;
import eu.emistreams.streams.ReplaceFailedStreamThreads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The query service against the real broker and registry: indicators written to the indicator
 * topic as the indicator service writes them are served over HTTP, filtered, and retracted.
 * Every test uses years of its own, so tests do not see each other's indicators.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = InstanceAddressResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryServiceIT {

    @Inject
    Instance<StreamsUncaughtExceptionHandler> uncaughtExceptionHandler;

    @Test
    @Order(0)
    void aFailedStreamThreadIsReplacedRatherThanTheClientShutDown() {
        // The handler comes from module streams-support: this fails if Quarkus stops discovering it.
        assertInstanceOf(ReplaceFailedStreamThreads.class, uncaughtExceptionHandler.get());
    }

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static StackClients stack;

    @BeforeAll
    static void connect() {
        stack = new StackClients();
    }

    @AfterAll
    static void disconnect() {
        stack.close();
    }

    private static List<IndicatorRow> rows(String query) {
        Response response = given().get("/api/indicators" + query);
        response.then().statusCode(200);
        return withoutProvisionalFlag(response.as(IndicatorRow[].class));
    }

    /**
     * The rows without their {@code provisional} flag: it follows the latest priority year of every
     * value on the topics, which other test classes sharing this stack move; FactSheetIT and
     * TwoInstancesIT check it under years they control.
     */
    private static List<IndicatorRow> withoutProvisionalFlag(IndicatorRow[] rows) {
        return Arrays.stream(rows)
                .map(row -> new IndicatorRow(row.indicator(), row.country(), row.code(), row.year(), row.value()))
                .toList();
    }

    private static void awaitRows(String query, List<IndicatorRow> expected) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Response response = given().get("/api/indicators" + query);
            response.then().statusCode(200);
            assertEquals(expected, withoutProvisionalFlag(response.as(IndicatorRow[].class)));
        });
    }

    private static IndicatorRow row(IndicatorKey key, double value) {
        return new IndicatorRow(key.getIndicator(), key.getCountry(), key.getCode(), key.getYear(), value);
    }

    @Test
    @Order(1)
    void servesPublishedIndicatorsFilteredAndSorted() {
        IndicatorKey beAgri = key("patent.world_share", "BE", "AGRI", 2001);
        IndicatorKey beAi = key("patent.world_share", "BE", "D.AI", 2001);
        IndicatorKey frAgri = key("patent.world_share", "FR", "AGRI", 2001);
        IndicatorKey beCount = key("patent.count", "BE", "AGRI", 2001);
        IndicatorKey beAgriLater = key("patent.world_share", "BE", "AGRI", 2002);
        stack.publish(beAgri, 1.234);
        stack.publish(beAi, 0.5);
        stack.publish(frAgri, 7.25);
        stack.publish(beCount, 12.5);
        stack.publish(beAgriLater, 1.5);

        awaitRows("?year=2001&year=2002", List.of(
                row(beCount, 12.5), row(beAgri, 1.234), row(beAgriLater, 1.5), row(beAi, 0.5), row(frAgri, 7.25)));

        // Each filter, repeated filters, case-insensitive names and the point lookup of a full key.
        assertEquals(List.of(row(beAgri, 1.234), row(beAi, 0.5), row(frAgri, 7.25)),
                rows("?indicator=patent.world_share&year=2001"));
        assertEquals(List.of(row(beCount, 12.5), row(beAgri, 1.234), row(beAgriLater, 1.5)),
                rows("?country=be&code=agri&year=2001&year=2002"));
        assertEquals(List.of(row(beAgri, 1.234), row(frAgri, 7.25)),
                rows("?indicator=patent.world_share&country=BE&country=FR&code=AGRI&year=2001"));
        assertEquals(List.of(row(beAi, 0.5)), rows("?indicator=patent.world_share&country=BE&code=D.AI&year=2001"));
        assertEquals(List.of(), rows("?indicator=patent.eu27_rank&country=BE&code=D.AI&year=2001"));
        // Blank filters are absent filters, as in the documented template.
        assertEquals(5, rows("?indicator=&country=&code=&year=2001&year=2002").size());

        given().get("/api/indicators?year=2001")
                .then().statusCode(200)
                .body("[0].indicator", equalTo("patent.count"))
                .body("[0].country", equalTo("BE"))
                .body("[0].code", equalTo("AGRI"))
                .body("[0].year", equalTo(2001))
                .body("[0].value", equalTo(12.5f));
    }

    @Test
    @Order(2)
    void aTombstoneRetractsOneIndicator() {
        IndicatorKey kept = key("patent.count", "DE", "TOUR", 2011);
        IndicatorKey retracted = key("patent.count", "DE", "TEXT", 2011);
        stack.publish(kept, 3.0);
        stack.publish(retracted, 4.0);
        awaitRows("?year=2011", List.of(row(retracted, 4.0), row(kept, 3.0)));

        stack.retract(retracted);
        awaitRows("?year=2011", List.of(row(kept, 3.0)));

        stack.publish(kept, 3.5);
        awaitRows("?year=2011", List.of(row(kept, 3.5)));
    }

    @Test
    @Order(3)
    void malformedParametersAre400AndUnknownNamesAre404WithAProblem() {
        given().get("/api/indicators?year=20x0")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Malformed parameter"))
                .body("status", equalTo(400))
                .body("parameter", equalTo("year"));
        given().get("/api/indicators?country=BEL").then().statusCode(400).body("parameter", equalTo("country"));
        given().get("/api/indicators?contry=BE").then().statusCode(400).body("detail", containsString("contry"));

        given().get("/api/indicators?country=XX")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Unknown country"))
                .body("detail", startsWith("XX is not"))
                .body("status", equalTo(404));
        given().get("/api/indicators?country=el").then().statusCode(404).body("detail", containsString("GR"));
        given().get("/api/indicators?indicator=patent.nothing")
                .then().statusCode(404).body("title", equalTo("Unknown indicator"));
        given().get("/api/indicators?code=NOPE").then().statusCode(404).body("title", equalTo("Unknown code"));
        given().get("/api/no-such-thing").then().statusCode(404).body("status", equalTo(404));
        given().get("/internal/indicators?country=BE").then().statusCode(400).body("parameter", equalTo("local"));
    }

    @Test
    @Order(4)
    void statusShowsTheAccountingOfTheLatestReleaseAndWhetherThePipelineIsSettled() {
        stack.report(report("patstat", "2023-autumn", "COMPLETED", 1_000, 90, 60, 20, 5, 5));
        stack.report(report("patstat", "2024-spring", "COMPLETED", 2_000, 100, 70, 20, 6, 4));
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> given().get("/api/status")
                .then().statusCode(200)
                .body("sources.patstat.release", equalTo("2024-spring"))
                .body("sources.patstat.read", equalTo(100))
                .body("sources.patstat.published", equalTo(70))
                .body("sources.patstat.ignored", equalTo(20))
                .body("sources.patstat.quality", equalTo(6))
                .body("sources.patstat.rejected", equalTo(4))
                .body("sources.patstat.releases.release", equalTo(List.of("2023-autumn", "2024-spring")))
                .body("sources.patstat.releases[1].details.'ignored.non_transnational'", equalTo(20))
                .body("lag.'emi-query'", notNullValue())
                // Nothing upstream holds data and this service has consumed what it was sent.
                .body("settled", equalTo(true)));

        stack.report(report("patstat", "2025-spring", "RUNNING", 3_000, 0, 0, 0, 0, 0));
        await().atMost(PROPAGATION).untilAsserted(() -> given().get("/api/status")
                .then().statusCode(200)
                .body("settled", equalTo(false))
                .body("sources.patstat.status", equalTo("RUNNING"))
                .body("unsettledBecause", hasItem("ingest of patstat release 2025-spring is running")));

        stack.report(report("patstat", "2025-spring", "COMPLETED", 3_000, 10, 10, 0, 0, 0));
        await().atMost(PROPAGATION).untilAsserted(() -> given().get("/api/status")
                .then().statusCode(200).body("settled", equalTo(true)));

        // Input for a stage that has not started: the pipeline cannot be settled.
        stack.sendRaw(EventTopics.PATSTAT_APPLICATIONS.name(), "42", "not consumed by anyone in this test");
        await().atMost(PROPAGATION).untilAsserted(() -> given().get("/api/status")
                .then().statusCode(200)
                .body("settled", equalTo(false))
                .body("lag.'emi-classifier'", equalTo(1))
                .body("unsettledBecause[0]", startsWith("emi-classifier has not consumed anything yet")));
    }

    @Test
    @Order(5)
    void revisionsListWhatAReleaseChangedWithTheValueEachReplaced() {
        // Reports of 2024-spring and 2025-spring exist since the status test.
        IndicatorKey revised = key("patent.count", "PT", "AGRI", 2015);
        IndicatorKey added = key("patent.count", "PT", "AERO", 2015);
        IndicatorKey untouched = key("patent.count", "PT", "TEXT", 2015);
        stack.publish(untouched, 2.0);
        stack.publish(revised, Records.value(revised, 4.25, "2025-spring", 3.0));
        stack.publish(added, Records.value(added, 1.5, "2025-spring", null));
        awaitRows("?country=PT&year=2015", List.of(row(revised, 4.25), row(added, 1.5), row(untouched, 2.0))
                .stream().sorted(IndicatorRow.ORDER).toList());

        given().get("/api/revisions?release=2025-spring&country=PT")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].code", equalTo("AERO"))
                .body("[0].previous", nullValue())
                .body("[0].value", equalTo(1.5f))
                .body("[0].difference", nullValue())
                .body("[1].code", equalTo("AGRI"))
                .body("[1].source", equalTo("patstat"))
                .body("[1].release", equalTo("2025-spring"))
                .body("[1].previous", equalTo(3.0f))
                .body("[1].value", equalTo(4.25f))
                .body("[1].difference", equalTo(1.25f));
        given().get("/api/revisions?release=2024-spring&country=PT&code=TEXT")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].previous", nullValue());

        given().get("/api/revisions?country=PT").then().statusCode(400).body("parameter", equalTo("release"));
        given().get("/api/revisions?release=../x").then().statusCode(400).body("parameter", equalTo("release"));
        given().get("/api/revisions?release=1999-never").then().statusCode(404).body("detail", containsString("1999-never"));
        given().get("/api/revisions?release=2025-spring&country=XX").then().statusCode(404);
    }

    @Test
    @Order(6)
    void healthMetricsAndOpenApiFollowTheQuarkusConventions() {
        await().atMost(PROPAGATION).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/api/indicators?year=2001").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("emi_query_indicators_seconds_count{"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/indicators"))
                .body(containsString("/api/status"))
                .body(containsString("Retry-After"));
    }
}
