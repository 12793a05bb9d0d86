package eu.emistreams.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator against a loopback server whose answers and delays the test decides. */
class QueryLoadGeneratorTest {

    private HttpServer server;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile long delayMillis;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().toString());
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void sendsAtTheRequestedRateAndMeasuresEveryAnswer() throws InterruptedException {
        QueryLoadGenerator.Outcome outcome = QueryLoadGenerator.run(new QueryLoadGenerator.Options(baseUrl(),
                List.of("/a", "/b"), 200, Duration.ofSeconds(1), Duration.ofSeconds(2), 256));
        // 400 requests fall due in the measured 2 s: each is sent or, on a machine too busy, skipped.
        // How many a busy machine skips, and the latencies, are the benchmark's to measure, not a
        // unit test's: only what holds under any load is asserted.
        long due = outcome.sent() + outcome.skipped();
        assertTrue(due >= 399 && due <= 401, "due " + due);
        assertTrue(outcome.ok() > 0, "nothing answered");
        // A machine busy for longer than the request timeout turns answers into errors: every
        // request sent is still counted exactly once, as an answer or as an error.
        assertEquals(outcome.sent(), outcome.ok() + outcome.errors());
        assertTrue(outcome.rps() <= 215, "never faster than asked: rps " + outcome.rps());
        assertEquals(Set.of("/a", "/b"), seen);
    }

    @Test
    void aSlowServerShowsAsLatencyFromTheScheduleAndSkippedRequests() throws InterruptedException {
        delayMillis = 100;
        QueryLoadGenerator.Outcome outcome = QueryLoadGenerator.run(new QueryLoadGenerator.Options(baseUrl(),
                List.of("/slow"), 100, Duration.ZERO, Duration.ofSeconds(1), 4));
        // Four requests at a time, each 100 ms: about 40 per second answered, the rest skipped.
        assertTrue(outcome.skipped() > 30, "skipped " + outcome.skipped());
        assertTrue(outcome.rps() < 60, "rps " + outcome.rps());
        assertTrue(outcome.p50Ms() >= 100, "p50 " + outcome.p50Ms());
    }

    @Test
    void countsFailedAnswersAsErrors() throws InterruptedException {
        QueryLoadGenerator.Outcome outcome = QueryLoadGenerator.run(new QueryLoadGenerator.Options(baseUrl(),
                List.of("/missing"), 50, Duration.ZERO, Duration.ofSeconds(1), 16));
        assertEquals(outcome.sent(), outcome.errors());
        assertEquals(0, outcome.ok());
        assertEquals(0, outcome.rps());
    }

    @Test
    void onlyTargetsLoopback() {
        assertThrows(IllegalArgumentException.class, () -> new QueryLoadGenerator.Options("http://10.0.0.1:8080",
                List.of("/"), 1, Duration.ZERO, Duration.ofSeconds(1), 1));
    }

    @Test
    void runsAsAProcessOfItsOwn(@TempDir Path work) {
        QueryLoadGenerator.Outcome outcome = QueryLoad.runInSeparateJvm(new QueryLoadGenerator.Options(baseUrl(),
                List.of("/api/indicators?country=BE"), 20, Duration.ofSeconds(1), Duration.ofSeconds(3), 16), work);
        // 60 requests fall due in the measured 3 s: each is sent (and answered or failed) or skipped.
        // Three seconds, so that a machine busy with other builds still answers some of them.
        long due = outcome.ok() + outcome.errors() + outcome.skipped();
        assertTrue(due >= 59 && due <= 61, "due " + due + " in " + outcome);
        assertTrue(outcome.ok() > 0, "answers came back through the separate JVM: " + outcome);
        assertEquals(Set.of("/api/indicators?country=BE"), seen);
    }
}
