package eu.emistreams.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.emistreams.bench.latency.Percentiles;
import java.io.IOException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady query load at a fixed rate, run as a process of its own so that it does not share a
 * JVM with what it measures. Requests go out on schedule whether or not earlier ones have
 * answered (an open model), and each latency is measured from the moment its request was due,
 * so a slow server shows as latency instead of quietly lowering the load. At most
 * {@code maxInFlight} requests are outstanding; a request due while that many wait is skipped
 * and counted. Loopback only: the base URL must be {@code http://127.0.0.1:PORT}.
 */
public final class QueryLoadGenerator {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** What to send: paths picked at random, {@code rate} per second, measured after the warm-up. */
    public record Options(String baseUrl, List<String> paths, int rate, Duration warmup, Duration duration,
            int maxInFlight) {

        public Options {
            if (!baseUrl.startsWith("http://127.0.0.1:")) {
                throw new IllegalArgumentException("the query load only targets loopback, got " + baseUrl);
            }
            if (paths.isEmpty() || rate < 1 || duration.isZero() || duration.isNegative() || maxInFlight < 1) {
                throw new IllegalArgumentException("paths, a positive rate, duration and in-flight bound are needed");
            }
            paths = List.copyOf(paths);
        }
    }

    /**
     * What the measured window saw. {@code rps} counts successful (2xx) answers per second from
     * the end of the warm-up to the last answer; latencies cover every answered request.
     */
    public record Outcome(long sent, long ok, long errors, long skipped, double rps, double p50Ms, double p99Ms,
            double maxMs) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("sent", sent);
            map.put("ok", ok);
            map.put("errors", errors);
            map.put("skipped", skipped);
            map.put("rps", rps);
            map.put("p50_ms", orNull(p50Ms));
            map.put("p99_ms", orNull(p99Ms));
            map.put("max_ms", orNull(maxMs));
            return map;
        }

        /** JSON has no NaN: a window without answers has no latency. */
        private static Double orNull(double value) {
            return Double.isNaN(value) ? null : value;
        }

        private static double orNaN(Object value) {
            return value == null ? Double.NaN : ((Number) value).doubleValue();
        }

        static Outcome fromMap(Map<String, Object> map) {
            return new Outcome(((Number) map.get("sent")).longValue(), ((Number) map.get("ok")).longValue(),
                    ((Number) map.get("errors")).longValue(), ((Number) map.get("skipped")).longValue(),
                    ((Number) map.get("rps")).doubleValue(), orNaN(map.get("p50_ms")), orNaN(map.get("p99_ms")),
                    orNaN(map.get("max_ms")));
        }
    }

    private QueryLoadGenerator() {
    }

    public static Outcome run(Options options) throws InterruptedException {
        URI base = URI.create(options.baseUrl());
        // One event loop (Netty, through Vert.x core) does the I/O; this thread only keeps the schedule.
        // Why not java.net.http.HttpClient: its selector thread stalled for tens of milliseconds every
        // second or two at this rate, and those stalls were most of the p99 it reported.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setDefaultHost(base.getHost())
                        .setDefaultPort(base.getPort())
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout(2_000),
                new PoolOptions().setHttp1MaxSize(options.maxInFlight()));
        try {
            return runWith(client, options);
        } finally {
            client.close();
            vertx.close();
        }
    }

    private static Outcome runWith(HttpClient client, Options options) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / options.rate();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measureFrom = start + options.warmup().toNanos();
        long end = measureFrom + options.duration().toNanos();
        long capacity = (options.duration().toNanos() / interval) + 16;
        double[] latencies = new double[(int) Math.min(Integer.MAX_VALUE - 8, capacity)];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(measureFrom);
        long sent = 0;
        long skipped = 0;
        Semaphore inFlight = new Semaphore(options.maxInFlight());
        SplittableRandom random = new SplittableRandom(42);
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            if (due >= end) {
                break;
            }
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = due >= measureFrom;
            if (!inFlight.tryAcquire()) {
                if (measured) {
                    skipped++;
                }
                continue;
            }
            if (measured) {
                sent++;
            }
            String path = options.paths().get(random.nextInt(options.paths().size()));
            client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path).setTimeout(REQUEST_TIMEOUT.toMillis()))
                    // The body is read to its end and dropped.
                    .compose(request -> request.send().compose(response -> response.end().map(done -> response.statusCode())))
                    .onComplete(answer -> {
                        long answered = System.nanoTime();
                        if (!measured) {
                            inFlight.release();
                            return;
                        }
                        int slot = recorded.getAndIncrement();
                        if (slot < latencies.length) {
                            latencies[slot] = (answered - due) / 1e6;
                        }
                        lastAnswer.accumulateAndGet(answered, Math::max);
                        if (answer.succeeded() && answer.result() / 100 == 2) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                        // Released last, so that once every permit is back every answer is counted.
                        inFlight.release();
                    });
        }
        // Every outstanding request ends within its timeout.
        if (!inFlight.tryAcquire(options.maxInFlight(), REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still outstanding after their timeout");
        }
        double[] measuredLatencies = Arrays.copyOf(latencies, Math.min(recorded.get(), latencies.length));
        double seconds = Math.max(1e-9, (lastAnswer.get() - measureFrom) / 1e9);
        boolean any = measuredLatencies.length > 0;
        return new Outcome(sent, ok.get(), errors.get(), skipped, ok.get() / seconds,
                any ? Percentiles.of(measuredLatencies, 50) : Double.NaN,
                any ? Percentiles.of(measuredLatencies, 99) : Double.NaN,
                any ? Arrays.stream(measuredLatencies).max().orElseThrow() : Double.NaN);
    }

    /**
     * {@code --url http://127.0.0.1:PORT --paths FILE --rate N --warmup-seconds S --seconds S
     * --max-in-flight N}; prints the outcome as one JSON line.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            named.put(args[i], args[i + 1]);
        }
        List<String> paths = Files.readAllLines(Path.of(required(named, "--paths")), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        Options options = new Options(required(named, "--url"), paths,
                Integer.parseInt(required(named, "--rate")),
                Duration.ofSeconds(Long.parseLong(named.getOrDefault("--warmup-seconds", "5"))),
                Duration.ofSeconds(Long.parseLong(required(named, "--seconds"))),
                Integer.parseInt(named.getOrDefault("--max-in-flight", "256")));
        Outcome outcome = run(options);
        System.out.println(new ObjectMapper().writeValueAsString(outcome.toMap()));
    }

    private static String required(Map<String, String> named, String option) {
        String value = named.get(option);
        if (value == null) {
            System.err.println("QueryLoadGenerator: " + option + " is required");
            System.exit(2);
        }
        return value;
    }
}
