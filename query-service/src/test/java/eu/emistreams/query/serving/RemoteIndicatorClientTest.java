package eu.emistreams.query.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import eu.emistreams.query.testing.TestQueryConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteIndicatorClientTest {

    private HttpServer server;
    private RemoteIndicatorClient client;
    private final AtomicReference<String> lastQuery = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String body = "[]";
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(RemoteIndicatorClient.INTERNAL_PATH, exchange -> {
            lastQuery.set(exchange.getRequestURI().getRawQuery());
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = new RemoteIndicatorClient();
        client.config = new TestQueryConfig();
        client.json = new ObjectMapper();
        client.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HostInfo host() {
        return new HostInfo("127.0.0.1", server.getAddress().getPort());
    }

    @Test
    void asksForTheFilterAndPartitionsLocallyAndReadsTheRows() throws Exception {
        body = "[{\"indicator\":\"patent.count\",\"country\":\"BE\",\"code\":\"AGRI\",\"year\":2020,\"value\":1.5}]";
        IndicatorFilter filter = IndicatorFilter.parse(List.of("patent.count"), List.of("BE", "FR"), null, List.of("2020"));
        List<IndicatorRow> rows = client.fetch(host(), filter, Set.of(1, 3)).get();
        assertEquals(List.of(new IndicatorRow("patent.count", "BE", "AGRI", 2020, 1.5)), rows);
        assertEquals("local=true&partition=1&partition=3&indicator=patent.count&country=BE&country=FR&year=2020",
                sortPartitions(lastQuery.get()));
    }

    @Test
    void asksForRowsWithProvenanceOnTheirOwnPath() throws Exception {
        body = "[{\"indicator\":\"patent.count\",\"country\":\"BE\",\"code\":\"AGRI\",\"year\":2020,\"value\":1.5,"
                + "\"releases\":{\"patstat\":\"2024-spring\"},\"concordanceVersion\":\"v7\"}]";
        AtomicReference<String> path = new AtomicReference<>();
        server.createContext(RemoteIndicatorClient.INTERNAL_WITH_PROVENANCE_PATH, exchange -> {
            path.set(exchange.getRequestURI().getPath());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        IndicatorFilter filter = IndicatorFilter.parse(List.of("patent.count"), List.of("BE"), null, null);
        List<IndicatorRowWithProvenance> rows = client.fetchWithProvenance(host(), filter, Set.of(0)).get();
        assertEquals(List.of(new IndicatorRowWithProvenance("patent.count", "BE", "AGRI", 2020, 1.5,
                java.util.Map.of("patstat", "2024-spring"), "v7")), rows);
        assertEquals("/internal/indicators/with-provenance", path.get());
    }

    @Test
    void encodesValuesAndBracketsIpv6Hosts() {
        IndicatorFilter filter = IndicatorFilter.parse(null, null, List.of("G.REN.SOLAR"), null);
        URI uri = RemoteIndicatorClient.internalUri(new HostInfo("::1", 8080), filter, Set.of(0));
        assertEquals("http://[::1]:8080/internal/indicators?local=true&partition=0&code=G.REN.SOLAR", uri.toString());
    }

    @Test
    void anInstanceThatIsNotReadyIsUnavailable() {
        status = 503;
        body = "{}";
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.fetch(host(), IndicatorFilter.all(), Set.of(0)).get());
        assertInstanceOf(StoreUnavailableException.class, e.getCause());
    }

    @Test
    void aSlowInstanceTimesOutAsUnavailable() {
        delayMillis = 2_000;
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.fetch(host(), IndicatorFilter.all(), Set.of(0)).get());
        assertInstanceOf(StoreUnavailableException.class, e.getCause());
    }

    @Test
    void anInstanceThatIsGoneIsUnavailable() {
        HostInfo gone = host();
        server.stop(0);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.fetch(gone, IndicatorFilter.all(), Set.of(0)).get());
        assertInstanceOf(StoreUnavailableException.class, e.getCause());
    }

    @Test
    void anUnexpectedAnswerIsAnError() {
        status = 400;
        body = "{\"title\":\"Malformed parameter\"}";
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.fetch(host(), IndicatorFilter.all(), Set.of(0)).get());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    /** Partitions come from a set: their order in the query is not part of the contract. */
    private static String sortPartitions(String query) {
        return query.replace("partition=3&partition=1", "partition=1&partition=3");
    }
}
