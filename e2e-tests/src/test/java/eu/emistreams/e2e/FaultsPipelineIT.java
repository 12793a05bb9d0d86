package eu.emistreams.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import eu.emistreams.reference.ConcordanceRules;
import eu.emistreams.reference.Fraction;
import eu.emistreams.reference.IndicatorId;
import eu.emistreams.reference.PatstatRelease;
import eu.emistreams.reference.ReferencePatentIndicators;
import eu.emistreams.sampledata.PatstatGenerator;
import eu.emistreams.stack.StackComponents;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.test.TestStack;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import eu.emistreams.reference.IndicatorComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults, on one stack of processes, in order:
 * <ol>
 * <li>every process of the stack killed with SIGKILL while a release flows through it, as an
 * operator's {@code kill -9} or the kernel's OOM killer would: then {@code ./emi up} (here
 * {@link TestStack#up()}) starts exactly the missing process, and once settled every indicator
 * equals the independent computation of the release ingested last: nothing lost, nothing counted
 * twice;</li>
 * <li>the ingest service killed while it publishes: its run is reported FAILED, another release
 * is refused until the interrupted one is ingested again, and the re-run completes exactly;</li>
 * <li>a second instance of each Streams service, with a standby copy of every store (as on
 * Kubernetes): the instances split the partitions and both query instances answer every value;</li>
 * <li>the second query and indicator instances killed under query load: the first keeps
 * answering, with a 503 and Retry-After at most while the partitions move, never a 500 and never
 * a wrong value.</li>
 * </ol>
 * The releases alternate between two unrelated ones, A and B, so that each replaces every
 * application and a kill lands in a full flow of changes and retractions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsPipelineIT {

    /** Enough for a kill to land mid-flow (an ingest of it runs for about a second), few enough for CI's budget. */
    private static final int APPLICATIONS = 1_000;
    /** Countries whose patent counts are asked for under load: spread over the partitions of both instances. */
    private static final List<String> LOAD_COUNTRIES = List.of("BE", "DE", "FR", "IT", "ES", "NL", "PL", "SE", "AT", "DK");
    private static final Duration KILL_WINDOW = Duration.ofMinutes(2);
    /** "A broker that is unreachable for a minute" (issue 14). */
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(60);

    /** The services' emi.state.min-free-space here, and the small disks of the disk-full test. */
    private static final int DISK_FLOOR_MIB = 32;
    private static final int SMALL_DISK_MIB = 256;

    private static TestStack stack;
    private static final List<SmallDisk> smallDisks = new java.util.ArrayList<>();
    private static Pipeline pipeline;
    private static Path releaseA;
    private static Path releaseB;
    private static SortedMap<IndicatorId, Fraction> expectedA;
    private static SortedMap<IndicatorId, Fraction> expectedB;
    private static int releasesIngested;
    private static SortedMap<IndicatorId, Fraction> expectedNow;
    private static String secondQueryUrl;
    private static String secondIndicatorUrl;

    @BeforeAll
    static void startTheStackWithTwoInstancesOfEachStreamsService() throws IOException {
        Path moduleDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path releases = moduleDir.resolve("target/e2e-faults-" + ProcessHandle.current().pid());
        PatstatGenerator generator = new PatstatGenerator();
        releaseA = generator.generate(releases.resolve("A"), 1_414L, APPLICATIONS).directory().toAbsolutePath();
        releaseB = generator.generate(releases.resolve("B"), 2_718L, APPLICATIONS).directory().toAbsolutePath();
        ConcordanceRules rules = ConcordanceRules.shipped(StackSettings.findRepositoryRoot(moduleDir));
        expectedA = ReferencePatentIndicators.compute(PatstatRelease.read(releaseA), rules);
        expectedB = ReferencePatentIndicators.compute(PatstatRelease.read(releaseB), rules);
        // Kills need processes: the broker and the registry are processes whatever EMI_TEST_STACK says.
        // A standby copy of each store is what a Kubernetes deployment runs; it counts once there are two instances.
        // The floor of free disk space is set low enough for the small disks of the disk-full test.
        stack = TestStack.startAsProcesses(true, Map.of("kafka-streams.num.standby.replicas", "1",
                "emi.state.min-free-space", DISK_FLOOR_MIB + "M", "emi.state.disk-check-interval", "1s"));
        // Second instances join before any data, so that the partitions are split between the two at once.
        List<String> urls = stack.startInstances(List.of("classifier-service", "indicator-service", "query-service"), 2);
        secondIndicatorUrl = urls.get(1);
        secondQueryUrl = urls.get(2);
        pipeline = new Pipeline(stack.settings());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
        smallDisks.forEach(SmallDisk::close);
    }

    @ParameterizedTest(name = "SIGKILL of {0} while a release flows")
    @ValueSource(strings = {"classifier-service", "indicator-service", "query-service",
            StackComponents.KAFKA, StackComponents.REGISTRY})
    @Order(3)
    void aProcessKilledWhileAReleaseFlowsIsRestartedAndNothingIsLostOrCountedTwice(String process) {
        boolean toB = releasesIngested % 2 == 1;
        String release = nextReleaseName();
        Pipeline.Submitted job = pipeline.submit(Pipeline.SOURCE, toB ? releaseB : releaseA, release);
        String stateAtKill = awaitRunning(job);
        long pid = stack.kill(process);
        Pipeline.log("killed %s (pid %d) while the ingest of %s was %s", process, pid, release, stateAtKill);
        List<String> started = stack.up();
        assertEquals(List.of(process), started, "./emi up starts exactly the killed process");
        pipeline.awaitJob(job);
        pipeline.awaitSettled();
        expectedNow = toB ? expectedB : expectedA;
        pipeline.assertIndicatorsEqual(expectedNow, release + " after " + process + " was killed");
    }

    @Test
    @Order(4)
    void anIngestKilledMidReleaseIsReportedFailedAndItsRerunCompletes() {
        boolean toB = releasesIngested % 2 == 1;
        String release = nextReleaseName();
        Path directory = toB ? releaseB : releaseA;
        Pipeline.Submitted job = pipeline.submit(Pipeline.SOURCE, directory, release);
        awaitPublishing(job);
        long pid = stack.kill("ingest-service");
        Pipeline.log("killed ingest-service (pid %d) while the ingest of %s was publishing", pid, release);
        pipeline.unstage(job);
        assertEquals(List.of("ingest-service"), stack.up(), "./emi up starts exactly the killed ingest service");
        await("the interrupted ingest of " + release + " reported FAILED").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "FAILED".equals(releaseStatus(release)));
        // Part of its events are out over digests of the release before: another release must wait.
        Path other = toB ? releaseA : releaseB;
        JsonNode refused = pipeline.awaitEnd(pipeline.submit(Pipeline.SOURCE, other, release + "-other"));
        assertEquals("FAILED", refused.path("state").asText(), "another release after the interrupted one: " + refused);
        assertEquals("release " + release + " of this source stopped while publishing, so part of its events are out; "
                + "ingest " + release + " again (its files unchanged) before release " + release + "-other",
                refused.path("message").asText());
        pipeline.ingest(directory, release);
        assertEquals("COMPLETED", releaseStatus(release), "the re-run's report replaces the interrupted one");
        pipeline.awaitSettled();
        expectedNow = toB ? expectedB : expectedA;
        pipeline.assertIndicatorsEqual(expectedNow, release + " re-run after the ingest was killed");
    }

    @Test
    @Order(1)
    void twoInstancesOfEachStreamsServiceServeExactlyTheIndicatorsOfTheRelease() {
        boolean toB = releasesIngested % 2 == 1;
        String release = nextReleaseName();
        pipeline.ingest(toB ? releaseB : releaseA, release);
        pipeline.awaitSettled();
        // The first query instance only asks the first indicator instance whether it is done.
        ServiceClient http = new ServiceClient();
        await("second indicator instance published everything").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    ServiceClient.Answer answer = http.get(secondIndicatorUrl + "/api/pending");
                    return answer.ok() && !answer.json().path("pending").asBoolean(true);
                });
        pipeline.awaitSettled();
        expectedNow = toB ? expectedB : expectedA;
        pipeline.assertIndicatorsEqual(expectedNow, release + ", first query instance of two of each Streams service");
        pipeline.at(secondQueryUrl).assertIndicatorsEqual(expectedNow, release + ", second query instance");
    }

    @Test
    @Order(2)
    void queriesKeepAnsweringWhileTheSecondQueryAndIndicatorInstancesAreKilled() throws Exception {
        QueryLoad load = new QueryLoad(stack.settings().queryUrl(), ReferencePatentIndicators.COUNT, LOAD_COUNTRIES,
                expectedNow);
        Thread loadThread = new Thread(load, "query-load");
        loadThread.start();
        try {
            Thread.sleep(2_000);
            long killedAt = System.nanoTime();
            stack.kill("query-service-2");
            stack.kill("indicator-service-2");
            Pipeline.log("killed query-service-2 and indicator-service-2 under query load");
            await("every query answered again after the kill").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200)).until(() -> load.everyQueryAnsweredSince(killedAt));
            Thread.sleep(3_000);
        } finally {
            load.stop();
            loadThread.join(30_000);
        }
        Pipeline.log("hand-over under load: %s", load.summary());
        assertEquals(List.of(), load.failures(), "answers other than 200 with the right values or 503 with Retry-After");
        assertTrue(load.answered() > 0, "the load was answered");
        pipeline.awaitSettled();
        pipeline.assertIndicatorsEqual(expectedNow, "first query instance alone, after the hand-over");
        // The second instances stay down: the kills that follow meet one instance of each service.
    }

    @Test
    @Order(5)
    void aBrokerUnreachableForAMinuteIsReportedAndRecoveredFromWithNothingLost() {
        boolean toB = releasesIngested % 2 == 1;
        String release = nextReleaseName();
        Pipeline.Submitted job = pipeline.submit(Pipeline.SOURCE, toB ? releaseB : releaseA, release);
        awaitRunning(job);
        // SIGSTOP: the broker's sockets stay open and nothing answers, as a broker cut off by the network.
        stack.pause(StackComponents.KAFKA);
        Pipeline.log("broker paused while the ingest of %s runs", release);
        Map<String, String> readinessDuringOutage = new TreeMap<>();
        ServiceClient.Answer statusDuringOutage = null;
        ServiceClient http = new ServiceClient();
        long end = System.nanoTime() + BROKER_OUTAGE.toNanos();
        try {
            while (System.nanoTime() < end) {
                for (String service : StackComponents.SERVICES) {
                    String url = "http://" + StackSettings.HOST + ":" + stack.stack().components().servicePort(service);
                    readinessDuringOutage.merge(service, readiness(http, url), FaultsPipelineIT::worse);
                }
                if (statusDuringOutage == null || statusDuringOutage.status() == 200) {
                    statusDuringOutage = statusAnswer(http);
                }
                Pipeline.sleep(2_000);
            }
        } finally {
            stack.resume(StackComponents.KAFKA);
        }
        Pipeline.log("broker resumed after %d s; readiness during the outage %s; GET /api/status %s",
                BROKER_OUTAGE.toSeconds(), readinessDuringOutage, statusDuringOutage);
        for (String service : StackComponents.SERVICES) {
            assertEquals("DOWN", readinessDuringOutage.get(service), service + " reports the unreachable broker in its readiness");
        }
        assertEquals(503, statusDuringOutage.status(), "GET /api/status while the broker is unreachable: " + statusDuringOutage);
        assertTrue(statusDuringOutage.headers().containsKey("retry-after"), "503 with Retry-After: " + statusDuringOutage);
        pipeline.awaitJob(job);
        pipeline.awaitSettled();
        for (String service : StackComponents.SERVICES) {
            String url = "http://" + StackSettings.HOST + ":" + stack.stack().components().servicePort(service);
            assertEquals("UP", readiness(http, url), service + " ready again by itself");
        }
        expectedNow = toB ? expectedB : expectedA;
        pipeline.assertIndicatorsEqual(expectedNow, release + " after the broker was unreachable for a minute");
    }

    /** UP, DOWN (a 503 from the readiness check) or SILENT (no answer within 5 s). */
    private static String readiness(ServiceClient http, String serviceUrl) {
        try {
            ServiceClient.Answer answer = http.get(serviceUrl + "/q/health/ready", Duration.ofSeconds(5));
            return answer.status() == 200 ? "UP" : answer.status() == 503 ? "DOWN" : "HTTP " + answer.status();
        } catch (java.io.UncheckedIOException e) {
            return "SILENT";
        }
    }

    /** Of two readiness observations, the one that says more about the outage: DOWN over SILENT over UP. */
    private static String worse(String seen, String now) {
        List<String> order = List.of("UP", "SILENT", "DOWN");
        return order.indexOf(now) > order.indexOf(seen) ? now : seen;
    }

    private static ServiceClient.Answer statusAnswer(ServiceClient http) {
        try {
            return http.get(stack.settings().queryUrl() + "/api/status", Duration.ofSeconds(20));
        } catch (java.io.UncheckedIOException e) {
            return new ServiceClient.Answer(0, "no answer within 20 s: " + e.getCause(), null, Map.of());
        }
    }

    @Test
    @Order(6)
    void anInstanceJoiningALoadedGroupBecomesReadyWhileItWarmsStandbyCopies() {
        // The group's state is on the first instance: the newcomer is given standby tasks only
        // until it has caught up, and must be ready all the same (nothing of it is pending).
        String url = stack.startInstances(List.of("indicator-service"), 3).get(0);
        ServiceClient.Answer pending = new ServiceClient().get(url + "/api/pending");
        assertEquals(200, pending.status(), "GET /api/pending of the new instance: " + pending);
        pipeline.awaitSettled();
        pipeline.assertIndicatorsEqual(expectedNow, "after a third indicator instance joined");
    }

    @Test
    @Order(7)
    void aNearlyFullDiskPausesTheServiceOnItAndRefusesJobsThenEverythingResumesByItselfWithNothingLost() {
        // The ingest service's and the first indicator instance's state on disks of their own
        // (tmpfs): the indicator restores its stores onto it from their changelogs.
        stack.stopProcesses(List.of("ingest-service", "indicator-service"));
        SmallDisk ingestDisk = SmallDisk.mount(stack.settings().dataDir().resolve("ingest"), SMALL_DISK_MIB);
        smallDisks.add(ingestDisk);
        SmallDisk indicatorDisk = SmallDisk.mount(stack.settings().dataDir().resolve("state").resolve("indicator-service"), SMALL_DISK_MIB);
        smallDisks.add(indicatorDisk);
        assertEquals(List.of("indicator-service", "ingest-service"), stack.up().stream().sorted().toList());
        pipeline.awaitSettled();
        pipeline.assertIndicatorsEqual(expectedNow, "with the indicator's stores restored onto a disk of their own");

        long left = (DISK_FLOOR_MIB / 2) * 1024L * 1024L;
        ingestDisk.fillLeaving(left);
        indicatorDisk.fillLeaving(left);
        Pipeline.log("disks filled: %s", SmallDisk.describe(ingestDisk, indicatorDisk));
        ServiceClient http = new ServiceClient();
        String ingestUrl = stack.settings().ingestUrl();
        String indicatorUrl = "http://" + StackSettings.HOST + ":" + stack.stack().components().servicePort("indicator-service");
        await("both services report the nearly full disk").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> readiness(http, ingestUrl).equals("DOWN") && readiness(http, indicatorUrl).equals("DOWN"));
        String health = http.get(indicatorUrl + "/q/health/ready").text();
        assertTrue(health.contains("processing paused") && health.contains("emi.state.min-free-space"), health);

        // No job starts on the full disk, and the refusal leaves no trace.
        int jobsBefore = http.get(ingestUrl + "/api/ingest/jobs").json().size();
        boolean toB = releasesIngested % 2 == 1;
        Path directory = toB ? releaseB : releaseA;
        ServiceClient.Answer refused = http.postFile(ingestUrl + "/api/ingest/" + Pipeline.SOURCE + "/upload?release=refused",
                "application/gzip", Pipeline.archive(directory));
        assertEquals(503, refused.status(), "an upload onto a nearly full disk: " + refused);
        assertTrue(refused.headers().containsKey("retry-after"), "503 with Retry-After: " + refused);
        assertTrue(refused.text().contains("Disk nearly full"), refused.text());
        assertEquals(jobsBefore, http.get(ingestUrl + "/api/ingest/jobs").json().size(), "a refused upload creates no job");

        // Room on the ingest's disk again: a release goes in, while the paused indicator holds it.
        ingestDisk.free();
        await("the ingest service ready again by itself").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> readiness(http, ingestUrl).equals("UP"));
        String release = nextReleaseName();
        Pipeline.Submitted job = pipeline.submit(Pipeline.SOURCE, directory, release);
        pipeline.awaitJob(job);
        Pipeline.sleep(10_000);
        JsonNode status = pipeline.status();
        assertTrue(!status.path("settled").asBoolean(true), "not settled while an indicator instance is paused: " + status);
        assertEquals("DOWN", readiness(http, indicatorUrl), "the indicator instance stays paused on its full disk");

        indicatorDisk.free();
        Pipeline.log("disks freed: %s", SmallDisk.describe(ingestDisk, indicatorDisk));
        pipeline.awaitSettled();
        assertEquals("UP", readiness(http, indicatorUrl), "the indicator instance resumed by itself");
        expectedNow = toB ? expectedB : expectedA;
        pipeline.assertIndicatorsEqual(expectedNow, release + " after the disks were full");
    }

    /** Waits until the job runs (or, for a release that flows faster than the poll, has run); returns its state. */
    private static String awaitRunning(Pipeline.Submitted job) {
        long deadline = System.nanoTime() + KILL_WINDOW.toNanos();
        while (System.nanoTime() < deadline) {
            String state = pipeline.jobState(job);
            if (state.equals("FAILED")) {
                fail("the ingest of " + job.release() + " failed before the fault");
            }
            if (!state.equals("QUEUED")) {
                assertNotEquals("COMPLETED", state, "the ingest of " + job.release()
                        + " completed before the fault could land in it");
                return state;
            }
            Pipeline.sleep(10);
        }
        throw new AssertionError("the ingest of " + job.release() + " did not start within " + KILL_WINDOW);
    }

    /** Waits until the job publishes its release's events (its files are read by then). */
    private static void awaitPublishing(Pipeline.Submitted job) {
        long deadline = System.nanoTime() + KILL_WINDOW.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = pipeline.job(job);
            String state = view.path("state").asText();
            assertNotEquals("FAILED", state, "the ingest of " + job.release() + " failed before the fault: " + view);
            assertNotEquals("COMPLETED", state, "the ingest of " + job.release() + " completed before the fault");
            if (view.path("phase").asText().contains("publishing")) {
                return;
            }
            Pipeline.sleep(5);
        }
        throw new AssertionError("the ingest of " + job.release() + " did not publish within " + KILL_WINDOW);
    }

    private static String releaseStatus(String release) {
        for (JsonNode report : pipeline.status().path("sources").path(Pipeline.SOURCE).path("releases")) {
            if (report.path("release").asText().equals(release)) {
                return report.path("status").asText();
            }
        }
        return "absent";
    }

    private static String nextReleaseName() {
        releasesIngested++;
        return "F" + releasesIngested;
    }


    /**
     * Asks one query instance for {@code indicator} of each country in turn, as fast as it
     * answers, and checks each answer: a 200 must hold exactly the reference values of that
     * country; a 503 must carry Retry-After; anything else is a failure. Records, per country,
     * the longest time without a 200.
     */
    static final class QueryLoad implements Runnable {
        private final ServiceClient http = new ServiceClient();
        private final String queryUrl;
        private final String indicator;
        private final List<String> countries;
        private final SortedMap<IndicatorId, Fraction> expected;
        private final Map<Integer, Integer> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<String, Long> lastAnswered = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Long> longestGap = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean stopped;

        QueryLoad(String queryUrl, String indicator, List<String> countries, SortedMap<IndicatorId, Fraction> expected) {
            this.queryUrl = queryUrl;
            this.indicator = indicator;
            this.countries = countries;
            this.expected = expected;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            countries.forEach(country -> lastAnswered.put(country, start));
            while (!stopped) {
                for (String country : countries) {
                    ask(country);
                }
            }
        }

        private void ask(String country) {
            String url = queryUrl + "/api/indicators?indicator=" + indicator + "&country=" + country;
            ServiceClient.Answer answer;
            try {
                answer = http.get(url);
            } catch (RuntimeException e) {
                failures.add(country + ": no answer: " + e.getMessage());
                return;
            }
            byStatus.merge(answer.status(), 1, Integer::sum);
            long now = System.nanoTime();
            if (answer.status() == 200) {
                Map<IndicatorId, Double> actual = new HashMap<>();
                for (JsonNode row : answer.json()) {
                    actual.put(new IndicatorId(row.path("indicator").asText(), row.path("country").asText(),
                            row.path("code").asText(), row.path("year").asInt()), row.path("value").asDouble());
                }
                SortedMap<IndicatorId, Fraction> wanted = new TreeMap<>();
                expected.forEach((id, value) -> {
                    if (id.indicator().equals(indicator) && id.country().equals(country)) {
                        wanted.put(id, value);
                    }
                });
                IndicatorComparison comparison = IndicatorComparison.compare(wanted, actual);
                if (!comparison.matches() && failures.size() < 20) {
                    failures.add(country + ": wrong values: " + comparison.report());
                }
                longestGap.merge(country, now - lastAnswered.get(country), Math::max);
                lastAnswered.put(country, now);
            } else if (answer.status() != 503 || answer.text().contains("\tat ")) {
                failures.add(country + ": " + answer);
            } else if (!answer.headers().containsKey("retry-after")) {
                failures.add(country + ": 503 without Retry-After");
            }
        }

        boolean everyQueryAnsweredSince(long nanos) {
            return countries.stream().allMatch(country -> lastAnswered.get(country) != null && lastAnswered.get(country) > nanos);
        }

        void stop() {
            stopped = true;
        }

        List<String> failures() {
            return failures;
        }

        long answered() {
            return byStatus.getOrDefault(200, 0);
        }

        String summary() {
            long longest = longestGap.values().stream().mapToLong(Long::longValue).max().orElse(0);
            return byStatus.values().stream().mapToInt(Integer::intValue).sum() + " requests, by status " + byStatus
                    + "; longest time without a 200 for one country " + String.format("%.1f s", longest / 1e9)
                    + "; failures " + failures.size();
        }
    }
}
