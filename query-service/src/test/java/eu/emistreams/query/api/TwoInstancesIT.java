package eu.emistreams.query.api;

import static eu.emistreams.query.testing.Records.key;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.indicator.IndicatorKey;
import eu.emistreams.query.serving.IndicatorRow;
import eu.emistreams.query.testing.InstanceAddressResource;
import eu.emistreams.query.testing.StackClients;
import eu.emistreams.stack.test.EmiStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service share the indicator partitions: the one under test in this JVM and
 * the packaged application started as a second process on the same broker, registry and
 * application id. Each must answer for both, fetching the other's partitions server-side; and
 * when one goes away, the other takes over every partition and answers alone.
 */
@QuarkusTest
@QuarkusTestResource(value = EmiStackTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = InstanceAddressResource.class, restrictToAnnotatedClass = false)
class TwoInstancesIT {

    private static final Duration REBALANCE = Duration.ofSeconds(90);
    private static final Pattern LOCAL_QUERIES =
            Pattern.compile("emi_query_indicators_seconds_count\\{[^}]*scope=\"local\"[^}]*} ([0-9.E]+)");
    private static final int YEAR = 2031;

    private Process second;

    @AfterEach
    void stopSecond() throws InterruptedException {
        if (second != null && second.isAlive()) {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void eachInstanceAnswersForEveryPartitionAndOneAloneTakesOver() throws Exception {
        List<IndicatorRow> expected = new ArrayList<>();
        try (StackClients stack = new StackClients()) {
            // Twenty keys: the chance that all hash to one of the two partitions is 2^-19.
            for (String country : List.of("AT", "BE", "CZ", "DK", "EE")) {
                for (String code : List.of("AGRI", "D.AI", "G.REN", "TOUR")) {
                    IndicatorKey key = key("patent.count", country, code, YEAR);
                    double value = country.charAt(0) * 10 + code.length();
                    stack.publish(key, value);
                    // YEAR is the latest priority year on the topics: every value of it is provisional.
                    expected.add(new IndicatorRow(key.getIndicator(), country, code, YEAR, value, true));
                }
            }
            expected.sort(IndicatorRow.ORDER);
            String thisInstance = "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
            awaitPropagated(thisInstance, expected);

            int secondPort = InstanceAddressResource.freePort();
            String secondInstance = "http://127.0.0.1:" + secondPort;
            second = startSecondInstance(secondPort);
            await().atMost(REBALANCE).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(ConnectException.class)
                    .untilAsserted(() -> {
                        assertTrue(second.isAlive(), "the second instance exited; see target/second-instance.log");
                        given().get(secondInstance + "/q/health/ready").then().statusCode(200);
                    });

            // Once the partitions are split, answering completely means asking the other instance.
            await().atMost(REBALANCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertCompleteOrNotReady(thisInstance, expected);
                assertTrue(localQueries(secondInstance) > 0, "the second instance answered no internal query yet");
            });
            await().atMost(REBALANCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertCompleteOrNotReady(secondInstance, expected);
                assertTrue(localQueries(thisInstance) > 0, "this instance answered no internal query yet");
            });

            // Changes reach both, whichever instance holds their partition.
            IndicatorRow retracted = expected.remove(0);
            IndicatorRow updated = expected.remove(expected.size() - 1);
            stack.retract(retracted.key());
            stack.publish(updated.key(), 99.5);
            expected.add(new IndicatorRow(updated.indicator(), updated.country(), updated.code(), YEAR, 99.5, true));
            expected.sort(IndicatorRow.ORDER);
            awaitPropagated(thisInstance, expected);
            awaitPropagated(secondInstance, expected);

            second.destroy();
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second instance did not stop");
            // Until the group notices, the partitions of the gone instance answer 503, never a partial list.
            await().atMost(REBALANCE).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertCompleteOrNotReady(thisInstance, expected));

            // YEAR would otherwise stay the latest priority year for the classes that run after this one.
            expected.forEach(row -> stack.retract(row.key()));
            await().atMost(REBALANCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertEquals("[]", given().get(thisInstance + "/api/indicators?year=" + YEAR).asString()));
        }
    }

    /** Waits for records just written: until then an older answer is expected, not a failure. */
    private static void awaitPropagated(String instance, List<IndicatorRow> expected) {
        await().atMost(REBALANCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Response response = given().get(instance + "/api/indicators?year=" + YEAR);
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals(expected, List.of(response.as(IndicatorRow[].class)));
        });
    }

    /**
     * For data that no longer changes: 503 (retried by the caller's await) while partitions move,
     * and otherwise exactly the expected rows. A partial 200 throws at once, past the await.
     */
    private static void assertCompleteOrNotReady(String instance, List<IndicatorRow> expected) {
        Response response = given().get(instance + "/api/indicators?year=" + YEAR);
        if (response.statusCode() == 503) {
            assertTrue(response.header("Retry-After") != null, "503 without Retry-After");
            throw new AssertionError("not ready yet: " + response.asString());
        }
        if (response.statusCode() != 200 || !expected.equals(List.of(response.as(IndicatorRow[].class)))) {
            throw new IllegalStateException(instance + " answered " + response.statusCode() + " with other rows: "
                    + response.asString());
        }
    }

    private static double localQueries(String instance) {
        String metrics = given().get(instance + "/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = LOCAL_QUERIES.matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    private static Process startSecondInstance(int port) throws IOException {
        Path application = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(application), "package the service first (mvn verify): " + application.toAbsolutePath());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java,
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + StackClients.bootstrapServers(),
                "-Demi.registry.url=" + StackClients.registryUrl(),
                "-Dquarkus.kafka-streams.application-server=127.0.0.1:" + port,
                "-Dkafka-streams.state.dir=target/kafka-streams-state/second-" + ProcessHandle.current().pid(),
                // A stopped Streams member does not leave its group: let the broker notice quickly.
                "-Dkafka-streams.consumer.session.timeout.ms=6000",
                "-Dkafka-streams.consumer.heartbeat.interval.ms=1000",
                "-jar", application.toString());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/second-instance.log").toFile())
                .start();
    }
}
