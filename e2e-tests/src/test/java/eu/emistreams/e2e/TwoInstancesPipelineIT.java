package eu.emistreams.e2e;

import static org.awaitility.Awaitility.await;

import eu.emistreams.e2e.reference.ConcordanceRules;
import eu.emistreams.e2e.reference.PatstatRelease;
import eu.emistreams.e2e.reference.ReferencePatentIndicators;
import eu.emistreams.sampledata.GeneratedRelease;
import eu.emistreams.sampledata.PatstatGenerator;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.test.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of each Streams service split the partitions between them: the indicators are
 * still exactly those of the release, and both query instances answer all of them.
 */
class TwoInstancesPipelineIT {

    private static TestStack stack;
    private static Pipeline pipeline;
    private static String secondQueryUrl;
    private static String secondIndicatorUrl;
    private static PatstatRelease release;
    private static Path releaseDirectory;
    private static ConcordanceRules defaultRules;

    @BeforeAll
    static void startTwoInstancesOfEachStreamsService() throws IOException {
        Path moduleDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        GeneratedRelease generated = new PatstatGenerator().generate(
                moduleDir.resolve("target/e2e-two-instances-" + ProcessHandle.current().pid()), 4_242L, 2_000);
        releaseDirectory = generated.directory().toAbsolutePath();
        release = PatstatRelease.read(releaseDirectory);
        defaultRules = ConcordanceRules.parse(Files.readString(StackSettings.findRepositoryRoot(moduleDir)
                .resolve("classifier-service/src/main/resources/concordance/default-concordance.csv"),
                StandardCharsets.UTF_8));
        stack = TestStack.start(true);
        stack.startInstance("classifier-service", 2);
        secondIndicatorUrl = stack.startInstance("indicator-service", 2);
        secondQueryUrl = stack.startInstance("query-service", 2);
        pipeline = new Pipeline(stack.settings());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void bothQueryInstancesServeExactlyTheIndicatorsOfTheRelease() {
        pipeline.ingest(releaseDirectory, "T1");
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
        var expected = ReferencePatentIndicators.compute(release, defaultRules);
        pipeline.assertIndicatorsEqual(expected, "first query instance, two instances of each Streams service");
        pipeline.at(secondQueryUrl).assertIndicatorsEqual(expected, "second query instance");
    }
}
