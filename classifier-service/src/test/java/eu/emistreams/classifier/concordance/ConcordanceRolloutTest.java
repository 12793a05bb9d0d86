package eu.emistreams.classifier.concordance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import eu.emistreams.classifier.ClassifierConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.internals.StreamsMetadataImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How one instance learns what the others have applied: whom it asks, and how it reads the answer. */
class ConcordanceRolloutTest {

    private static final TopicPartition P0 = new TopicPartition("emi.patstat.applications", 0);
    private static final TopicPartition P1 = new TopicPartition("emi.patstat.applications", 1);
    private static final TopicPartition P2 = new TopicPartition("emi.patstat.applications", 2);

    private HttpServer other;
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ConcordanceRollout rollout = new ConcordanceRollout();

    @BeforeEach
    void startOtherInstance() throws IOException {
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext(ConcordanceRollout.APPLIED_PATH, exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        rollout.json = new ObjectMapper();
        rollout.config = new ClassifierConfig() {
            @Override
            public Duration applyTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration instanceCallTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Reclassification reclassification() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @AfterEach
    void stopOtherInstance() {
        other.stop(0);
    }

    @Test
    void asksEveryOtherInstanceThatOwnsPartitions() {
        HostInfo self = new HostInfo("127.0.0.1", 8083);
        HostInfo second = new HostInfo("127.0.0.1", 18083);
        HostInfo idle = new HostInfo("127.0.0.1", 28083);
        List<StreamsMetadata> instances = List.of(instance(self, P0), instance(second, P1, P2), instance(idle));

        assertEquals(List.of(second), ConcordanceRollout.othersToAsk(instances, Set.of(P0), Optional.of(self)));
        assertEquals(List.of(second), ConcordanceRollout.othersToAsk(instances, Set.of(P0), Optional.empty()),
                "recognised by its partitions");
        assertEquals(List.of(second), ConcordanceRollout.othersToAsk(instances, Set.of(P0),
                Optional.of(new HostInfo("127.0.0.1", 0))), "an endpoint saying port 0 is not trusted");
        assertEquals(List.of(self, second), ConcordanceRollout.othersToAsk(instances, Set.of(), Optional.empty()));
    }

    @Test
    void readsTheOtherInstancesAnswer() {
        HostInfo host = new HostInfo("127.0.0.1", other.getAddress().getPort());
        answer.set("{\"version\":\"abc123def456\",\"applied\":true,\"state\":\"RUNNING\",\"tasks\":{\"1_1\":\"abc123def456\"}}");
        assertTrue(rollout.remoteApplied(host, "abc123def456"));
        assertEquals(List.of(ConcordanceRollout.APPLIED_PATH + "?version=abc123def456"), requests);

        answer.set("{\"version\":\"abc123def456\",\"applied\":false,\"state\":\"REBALANCING\",\"tasks\":{}}");
        assertFalse(rollout.remoteApplied(host, "abc123def456"));

        answer.set("not json");
        assertFalse(rollout.remoteApplied(host, "abc123def456"));

        answer.set("{\"applied\":true}");
        status.set(503);
        assertFalse(rollout.remoteApplied(host, "abc123def456"), "only a 200 answer counts");
    }

    @Test
    void anUnreachableInstanceHasNotApplied() {
        int port = other.getAddress().getPort();
        other.stop(0);
        assertFalse(rollout.remoteApplied(new HostInfo("127.0.0.1", port), "abc123def456"));
    }

    private static StreamsMetadata instance(HostInfo host, TopicPartition... partitions) {
        return new StreamsMetadataImpl(host, Set.of("patstat-applications"), Set.of(partitions), Set.of(), Set.of());
    }
}
