package eu.emistreams.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.stack.process.Readiness;
import eu.emistreams.stack.test.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * The broker and registry start for real, on loopback, with the declared topics (as containers or
 * processes, whichever path the test stack takes here), and the process stack is idempotent,
 * restarts what was killed and stops cleanly.
 */
class LocalStackIT {

    @Test
    void startsBrokerAndRegistryWithDeclaredTopics() throws Exception {
        TestStack stack = TestStack.start(false);
        try {
            assertDeclaredTopicsAndRegistry(stack.settings());
        } finally {
            stack.stop();
        }
        for (int port : new int[] {stack.settings().kafkaPort(), stack.settings().registryPort()}) {
            assertFalse(Readiness.portAccepts(StackSettings.HOST, port), "port " + port + " still listening");
        }
    }

    @Test
    void theProcessStackStartsNothingTwiceAndStopsWhatItStarted() throws Exception {
        TestStack stack = TestStack.startAsProcesses(false);
        StackSettings settings = stack.settings();
        assertDeclaredTopicsAndRegistry(settings);
        // up twice starts nothing twice
        assertEquals(List.of(), stack.stack().up(false));

        // up at the instant of a SIGKILL: the killed processes still hold their PIDs (zombies until
        // reaped), and up must start them again rather than take them for running.
        for (String name : List.of("kafka", "registry")) {
            stack.stack().running(name).orElseThrow().destroyForcibly();
        }
        assertEquals(Set.of("kafka", "registry"), Set.copyOf(stack.stack().up(false)));
        assertDeclaredTopicsAndRegistry(settings);

        List<String> stopped = stack.stack().down(false);
        assertEquals(Set.of("kafka", "registry"), Set.copyOf(stopped));
        for (int port : new int[] {settings.kafkaPort(), settings.kafkaControllerPort(), settings.registryPort()}) {
            assertFalse(Readiness.portAccepts(StackSettings.HOST, port), "port " + port + " still listening");
        }
    }

    private static void assertDeclaredTopicsAndRegistry(StackSettings settings) throws Exception {
        try (Admin admin = StackTopics.admin(settings)) {
            Set<String> topics = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            List<StackTopics.Declared> declared = StackTopics.declared(settings.repositoryRoot());
            assertFalse(declared.isEmpty());
            for (StackTopics.Declared topic : declared) {
                assertTrue(topics.contains(topic.name()), topic.name() + " was not created");
            }
            StackTopics.Declared first = declared.get(0);
            TopicDescription description = admin.describeTopics(List.of(first.name())).allTopicNames()
                    .get(20, TimeUnit.SECONDS).get(first.name());
            assertEquals(first.partitions(), description.partitions().size());
            var config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, first.name())))
                    .all().get(20, TimeUnit.SECONDS).values().iterator().next();
            assertEquals(first.cleanupPolicy(), config.get("cleanup.policy").value());
        }
        HttpResponse<String> info = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.registryPort()
                        + "/apis/registry/v3/system/info")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, info.statusCode());
        assertTrue(info.body().contains("Apicurio Registry"), info.body());
    }
}
