package eu.emistreams.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import eu.emistreams.reference.Fraction;
import eu.emistreams.reference.IndicatorComparison;
import eu.emistreams.reference.IndicatorId;
import eu.emistreams.reference.ReferencePatentIndicators;
import eu.emistreams.reference.ReleaseChanges;
import eu.emistreams.stack.ReleaseInbox;
import eu.emistreams.stack.StackSettings;
import eu.emistreams.stack.test.TestStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/** What the end-to-end tests do to the running services: ingest over HTTP, wait, compare answers. */
final class Pipeline {

    static final String SOURCE = "patstat";
    static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);
    static final Duration INGEST_TIMEOUT = Duration.ofMinutes(3);
    private static final long startedAt = System.nanoTime();

    private final ServiceClient http = new ServiceClient();

    /** {@code path} (a release directory or file) as a .tar.gz beside it, by the system's tar. */
    static Path archive(Path path) {
        Path archive = path.resolveSibling(path.getFileName() + ".tar.gz");
        try {
            Process tar = new ProcessBuilder("tar", "-C", path.getParent().toString(), "-czf", archive.toString(),
                    path.getFileName().toString()).redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, tar.waitFor(), "tar of " + path + ": " + output);
            return archive;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
    private final StackSettings settings;
    private final String queryUrl;

    /** Talks to the query service at {@code queryUrl}: one of possibly several instances. */
    Pipeline(StackSettings settings, String queryUrl) {
        this.settings = settings;
        this.queryUrl = queryUrl;
    }

    Pipeline(StackSettings settings) {
        this(settings, settings.queryUrl());
    }

    Pipeline at(String otherQueryUrl) {
        return new Pipeline(settings, otherQueryUrl);
    }

    JsonNode ingest(Path directory, String release) {
        return ingest(SOURCE, directory, release);
    }

    /** Ingests {@code path} as {@code release} of {@code source} and waits for the job to complete. */
    JsonNode ingest(String source, Path path, String release) {
        long start = System.nanoTime();
        Submitted submitted = submit(source, path, release);
        JsonNode job = awaitJob(submitted);
        log("ingested %s %s in %d ms: %s", source, release, (System.nanoTime() - start) / 1_000_000, job.path("report"));
        return job;
    }

    /** An ingest job accepted by the ingest service, and the inbox copy of its release, if any. */
    record Submitted(String source, String release, String id, Path staged) {
    }

    /** Submits the ingest of {@code path} as {@code release} of {@code source}; does not wait. */
    Submitted submit(String source, Path path, String release) {
        ServiceClient.Answer submitted;
        Path staged = null;
        if (TestStack.readsReleasePaths()) {
            // The ingest service reads by path only under its inbox, as ./emi ingest stages releases there.
            staged = ReleaseInbox.stage(settings, path);
            JsonNode request = ServiceClient.JSON.createObjectNode().put("path", staged.toString()).put("release", release);
            submitted = http.postJson(settings.ingestUrl() + "/api/ingest/" + source, request);
        } else {
            // A stack this test did not start may not see this machine's files: the release goes as an archive.
            submitted = http.postFile(settings.ingestUrl() + "/api/ingest/" + source + "/upload?release=" + release,
                    "application/gzip", archive(path));
        }
        assertEquals(202, submitted.status(), "submitting " + release + ": " + submitted);
        String id = submitted.json().path("id").asText();
        assertTrue(!id.isEmpty(), "the ingest answer carries a job id: " + submitted);
        return new Submitted(source, release, id, staged);
    }

    /** The job's state now (QUEUED, RUNNING, COMPLETED or FAILED). */
    String jobState(Submitted submitted) {
        return job(submitted).path("state").asText();
    }

    /** {@code GET /api/ingest/jobs/{id}}: state, phase, progress and report. */
    JsonNode job(Submitted submitted) {
        ServiceClient.Answer answer = http.get(settings.ingestUrl() + "/api/ingest/jobs/" + submitted.id());
        assertTrue(answer.ok(), "job " + submitted.id() + ": " + answer);
        return answer.json();
    }

    /** Waits for the job to complete; its failure fails the test. */
    JsonNode awaitJob(Submitted submitted) {
        JsonNode job = awaitEnd(submitted);
        if (!job.path("state").asText().equals("COMPLETED")) {
            fail("ingest of " + submitted.release() + " failed: " + job.path("message").asText() + " — " + job);
        }
        return job;
    }

    /** Waits for the job to end, COMPLETED or FAILED, and returns it. */
    JsonNode awaitEnd(Submitted submitted) {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        String id = submitted.id();
        await("ingest job " + id + " of " + submitted.release()).atMost(INGEST_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    ServiceClient.Answer answer = http.get(settings.ingestUrl() + "/api/ingest/jobs/" + id);
                    assertTrue(answer.ok(), "job " + id + ": " + answer);
                    job.set(answer.json());
                    String state = answer.json().path("state").asText();
                    return state.equals("COMPLETED") || state.equals("FAILED");
                });
        unstage(submitted);
        return job.get();
    }

    /** Removes the inbox copy of a submitted release (the ingest service no longer needs it). */
    void unstage(Submitted submitted) {
        if (submitted.staged() != null) {
            ReleaseInbox.unstage(settings, submitted.staged());
        }
    }

    /** {@code GET /api/status} of this query instance. */
    JsonNode status() {
        ServiceClient.Answer answer = http.get(queryUrl + "/api/status");
        assertEquals(200, answer.status(), "GET /api/status: " + answer);
        return answer.json();
    }

    static void assertEvents(ReleaseChanges expected, JsonNode job) {
        JsonNode report = job.path("report");
        ReleaseChanges actual = new ReleaseChanges(report.path("eventsChanged").asLong(-1),
                report.path("eventsUnchanged").asLong(-1), report.path("eventsRetracted").asLong(-1));
        assertEquals(expected, actual, "events of " + job.path("release").asText() + ": " + report);
    }

    /** Settled twice in a row: one answer can come before the first events of a release are seen. */
    void awaitSettled() {
        long start = System.nanoTime();
        AtomicInteger settledInARow = new AtomicInteger();
        AtomicReference<String> last = new AtomicReference<>();
        try {
            await("settled pipeline").atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(400)).until(() -> {
                ServiceClient.Answer answer = http.get(queryUrl + "/api/status");
                last.set(answer.toString());
                if (answer.ok() && answer.json() != null && answer.json().path("settled").asBoolean(false)) {
                    return settledInARow.incrementAndGet() >= 2;
                }
                settledInARow.set(0);
                return false;
            });
        } catch (ConditionTimeoutException e) {
            fail("the pipeline did not settle within " + SETTLE_TIMEOUT + "; last GET /api/status: " + last.get());
        }
        log("settled in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    void assertIndicatorsEqual(SortedMap<IndicatorId, Fraction> expected, String when) {
        assertIndicatorsEqual(ReferencePatentIndicators.INDICATORS, expected, when);
    }

    /** The values of {@code indicators} the query service answers equal {@code expected}: keys and values. */
    void assertIndicatorsEqual(List<String> indicators, SortedMap<IndicatorId, Fraction> expected, String when) {
        assertIndicatorsEqual(indicators, null, expected, when);
    }

    /**
     * The values of {@code indicators} under the variant rule set {@code variant} (null: the rules in
     * force) equal {@code expected}: keys and values.
     */
    void assertIndicatorsEqual(List<String> indicators, String variant, SortedMap<IndicatorId, Fraction> expected,
            String when) {
        Map<IndicatorId, Double> actual = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        // Asked at once: the query service answers each from its stores and the instances'
        // internal API, and the four answers are independent.
        List<CompletableFuture<JsonNode>> answers = indicators.stream()
                .map(indicator -> CompletableFuture.supplyAsync(() -> fetchIndicator(indicator, variant)))
                .toList();
        for (CompletableFuture<JsonNode> answer : answers) {
            JsonNode values = joinRethrowing(answer);
            for (JsonNode value : values) {
                IndicatorId id = new IndicatorId(value.path("indicator").asText(), value.path("country").asText(),
                        value.path("code").asText(), value.path("year").asInt());
                Double previous = actual.put(id, value.path("value").isNumber() ? value.path("value").asDouble() : Double.NaN);
                if (previous != null && duplicates.size() < 20) {
                    duplicates.add(id.toString());
                }
            }
        }
        IndicatorComparison comparison = IndicatorComparison.compare(expected, actual);
        log("%s: %s", when, comparison.report().lines().findFirst().orElse(""));
        assertTrue(duplicates.isEmpty(), when + ": the API answers some keys twice: " + duplicates);
        assertTrue(comparison.matches(), when + ": " + comparison.report());
    }

    /** The answer, or the assertion error or exception that it failed with, unwrapped. */
    private static <T> T joinRethrowing(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** One indicator's values; a store that is not ready answers 503 and is asked again. */
    JsonNode fetchIndicator(String indicator) {
        return fetchIndicator(indicator, null);
    }

    /** One indicator's values under {@code variant} (null: the rules in force). */
    JsonNode fetchIndicator(String indicator, String variant) {
        String url = queryUrl + "/api/indicators?indicator=" + URLEncoder.encode(indicator, StandardCharsets.UTF_8)
                + (variant == null ? "" : "&variant=" + URLEncoder.encode(variant, StandardCharsets.UTF_8));
        AtomicReference<ServiceClient.Answer> answer = new AtomicReference<>();
        await("GET " + url).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            answer.set(http.get(url));
            return answer.get().status() != 503;
        });
        assertEquals(200, answer.get().status(), "GET " + url + ": " + answer.get());
        assertTrue(answer.get().json() != null && answer.get().json().isArray(), "GET " + url + " answers a JSON array");
        return answer.get().json();
    }

    /** Thread.sleep for the polling loops of the fault tests, an interrupt turned into a failure. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[e2e %5.1f s] %s%n", (System.nanoTime() - startedAt) / 1e9, String.format(format, args));
    }
}
