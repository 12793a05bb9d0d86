package eu.emistreams.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eu.emistreams.stack.LocalStack;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.StackTopics;
import eu.emistreams.stack.container.ContainerEngine;
import eu.emistreams.stack.container.ContainerStack;
import eu.emistreams.stack.container.KubePlay;
import eu.emistreams.stack.process.ManagedProcess;
import eu.emistreams.stack.process.Readiness;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Processes and ports, topic offsets and consumer lag, and the record accounting.")
class StatusCommand implements Runnable {

    @Override
    public void run() {
        LocalStack stack = Launcher.stack();
        StackSettings settings = stack.settings();
        boolean kafkaUp = false;
        boolean kube = KubePlay.isActive(settings);
        if (kube) {
            System.out.println("POD (" + KubePlay.OVERLAY + ", podman kube play)");
            System.out.println(new KubePlay(ContainerEngine.require(), settings, System.out).pods());
            kafkaUp = Readiness.portAccepts(StackSettings.HOST, settings.kafkaPort());
        } else if (ContainerStack.isActive(settings)) {
            System.out.println("COMPONENT           CONTAINER                 PORT   STATE      READY  HEALTH");
            for (ContainerStack.ContainerStatus c : new ContainerStack(ContainerEngine.require(), settings, System.out)
                    .status()) {
                System.out.printf("%-19s %-25s %-6d %-10s %-6s %s%n", c.component(), c.container(), c.port(), c.state(),
                        c.ready() ? "yes" : "no", c.health());
                kafkaUp |= c.component().equals("kafka") && c.ready();
            }
        } else {
            System.out.println("PROCESS             PID      PORT   STATE");
        }
        for (ManagedProcess process : kube || ContainerStack.isActive(settings) ? List.<ManagedProcess>of()
                : stack.components().all(true)) {
            Optional<ProcessHandle> running = process.running();
            boolean listening = Readiness.portAccepts(StackSettings.HOST, process.port());
            String state = running.isEmpty() ? (listening ? "port taken by another process" : "stopped")
                    : process.isReady() ? "ready" : "starting";
            if (process.name().equals("kafka") && running.isPresent() && listening) {
                kafkaUp = true;
            }
            System.out.printf("%-19s %-8s %-6d %s%n", process.name(),
                    running.map(h -> Long.toString(h.pid())).orElse("-"), process.port(), state);
        }
        System.out.println("data: " + settings.dataDir());
        if (!kafkaUp) {
            return;
        }
        try (Admin admin = StackTopics.admin(settings)) {
            printTopicsAndLag(admin);
        } catch (Exception e) {
            System.out.println("topics: unavailable (" + e.getMessage() + ")");
        }
        printAccounting(settings);
    }

    private static void printTopicsAndLag(Admin admin) throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(
                admin.listTopics().names().get(10, TimeUnit.SECONDS)).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        topics.values().forEach(t -> t.partitions().forEach(
                p -> request.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> perTopic = new TreeMap<>();
        ends.forEach((tp, info) -> perTopic.merge(tp.topic(), info.offset(), Long::sum));
        System.out.println();
        System.out.println("TOPIC                                                    PARTITIONS  END OFFSET");
        perTopic.forEach((topic, offset) -> {
            if (!topic.startsWith("__")) {
                System.out.printf("%-56s %-11d %d%n", topic, topics.get(topic).partitions().size(), offset);
            }
        });
        System.out.println();
        System.out.println("CONSUMER GROUP            LAG");
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                ListOffsetsResult.ListOffsetsResultInfo end = ends.get(entry.getKey());
                if (end != null && entry.getValue() != null) {
                    lag += Math.max(0, end.offset() - entry.getValue().offset());
                }
            }
            System.out.printf("%-25s %d%n", group.groupId(), lag);
        }
    }

    private static void printAccounting(StackSettings settings) {
        System.out.println();
        try {
            Http.Answer answer = Http.get(settings.queryUrl() + "/api/status", Duration.ofSeconds(5));
            if (!answer.ok() || answer.body() == null) {
                System.out.println("accounting: query service answered " + answer.status());
                return;
            }
            JsonNode body = answer.body();
            System.out.println("settled: " + body.path("settled").asText("?"));
            System.out.println("SOURCE       RELEASE        READ        PUBLISHED   IGNORED     QUALITY     REJECTED");
            JsonNode sources = body.path("sources");
            for (var it = sources.fields(); it.hasNext(); ) {
                var source = it.next();
                JsonNode s = source.getValue();
                System.out.printf("%-12s %-14s %-11s %-11s %-11s %-11s %s%n", source.getKey(),
                        s.path("release").asText("-"), s.path("read").asText(), s.path("published").asText(),
                        s.path("ignored").asText(), s.path("quality").asText(), s.path("rejected").asText());
            }
        } catch (RuntimeException e) {
            System.out.println("accounting: " + e.getMessage());
        }
    }

}
