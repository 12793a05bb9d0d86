package eu.emistreams.classifier.concordance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.emistreams.classifier.ClassifierConfig;
import eu.emistreams.classifier.topology.AppliedConcordances;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Knows whether a concordance version is applied by every task of every instance of the
 * classifier: this instance answers from its own tasks, the others are asked over HTTP at the
 * application.server they registered with Kafka Streams (one hop, never forwarded further).
 *
 * <p>{@code PUT /api/concordance} waits on it. Every task also writes the version it applied to
 * emi.progress, which the query service's "settled" reads; answering from that topic here too
 * would drop the calls between instances, and is left for a next step.
 */
@ApplicationScoped
public class ConcordanceRollout {

    public static final String APPLIED_PATH = "/api/concordance/applied";

    private static final Logger LOG = Logger.getLogger(ConcordanceRollout.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    @Inject
    KafkaStreams streams;

    @Inject
    AppliedConcordances applied;

    @Inject
    ClassifierConfig config;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    Optional<String> applicationServer;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Whether every active task of this instance has applied {@code version}. */
    public LocalApplication local(String version) {
        KafkaStreams.State state = streams.state();
        Map<String, String> tasks = new TreeMap<>();
        boolean all = state == KafkaStreams.State.RUNNING;
        if (state.isRunningOrRebalancing()) {
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (TaskMetadata task : thread.activeTasks()) {
                    String taskId = task.taskId().toString();
                    String taskVersion = applied.versionOf(taskId).orElse(null);
                    tasks.put(taskId, taskVersion);
                    all &= version.equals(taskVersion);
                }
            }
        }
        return new LocalApplication(version, all, state.name(), tasks);
    }

    /** Whether every task of every instance has applied {@code version}. */
    public boolean appliedEverywhere(String version) {
        if (!local(version).applied()) {
            return false;
        }
        try {
            Set<TopicPartition> localPartitions = new HashSet<>();
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                thread.activeTasks().forEach(task -> localPartitions.addAll(task.topicPartitions()));
            }
            List<HostInfo> others = othersToAsk(streams.metadataForAllStreamsClients(), localPartitions,
                    applicationServer.map(HostInfo::buildFromEndpoint));
            for (HostInfo other : others) {
                if (!remoteApplied(other, version)) {
                    return false;
                }
            }
            return true;
        } catch (StreamsNotStartedException e) {
            return false;
        }
    }

    /**
     * The instances to ask: every client of the application that owns partitions, except this one.
     * This instance is recognised by its endpoint or by the partitions it owns: under tests the
     * configured endpoint may still say port 0.
     */
    static List<HostInfo> othersToAsk(Collection<StreamsMetadata> instances, Set<TopicPartition> localPartitions,
            Optional<HostInfo> self) {
        List<HostInfo> others = new ArrayList<>();
        for (StreamsMetadata instance : instances) {
            boolean isSelf = self.map(instance.hostInfo()::equals).orElse(false)
                    || !Collections.disjoint(instance.topicPartitions(), localPartitions);
            if (!isSelf && !instance.topicPartitions().isEmpty()) {
                others.add(instance.hostInfo());
            }
        }
        return others;
    }

    /** Polls until {@code version} is applied everywhere or the timeout passes. */
    public boolean awaitAppliedEverywhere(String version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (appliedEverywhere(version)) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Asks another instance whether all its tasks applied {@code version}; any failure counts as no. */
    boolean remoteApplied(HostInfo host, String version) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + APPLIED_PATH + "?version="
                + URLEncoder.encode(version, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.instanceCallTimeout())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debugf("%s answered %d", uri, response.statusCode());
                return false;
            }
            JsonNode answer = json.readTree(response.body());
            return answer.path("applied").asBoolean(false);
        } catch (IOException e) {
            LOG.debugf("could not ask %s: %s", uri, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** This instance's answer: whether all its active tasks applied the version, and what each applied. */
    public record LocalApplication(String version, boolean applied, String state, Map<String, String> tasks) {
    }
}
