package eu.emistreams.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import eu.emistreams.e2e.reference.Fraction;
import eu.emistreams.e2e.reference.IndicatorComparison;
import eu.emistreams.e2e.reference.IndicatorId;
import eu.emistreams.e2e.reference.ReferencePatentIndicators;
import eu.emistreams.e2e.reference.ReleaseChanges;
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
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await("ingest job " + id + " of " + release).atMost(INGEST_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    ServiceClient.Answer answer = http.get(settings.ingestUrl() + "/api/ingest/jobs/" + id);
                    assertTrue(answer.ok(), "job " + id + ": " + answer);
                    String state = answer.json().path("state").asText();
                    if (state.equals("FAILED")) {
                        fail("ingest of " + release + " failed: " + answer.json().path("message").asText() + " — " + answer);
                    }
                    job.set(answer.json());
                    return state.equals("COMPLETED");
                });
        if (staged != null) {
            ReleaseInbox.unstage(settings, staged);
        }
        log("ingested %s %s in %d ms: %s", source, release, (System.nanoTime() - start) / 1_000_000, job.get().path("report"));
        return job.get();
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
        Map<IndicatorId, Double> actual = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String indicator : indicators) {
            JsonNode values = fetchIndicator(indicator);
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

    /** One indicator's values; a store that is not ready answers 503 and is asked again. */
    JsonNode fetchIndicator(String indicator) {
        String url = queryUrl + "/api/indicators?indicator=" + URLEncoder.encode(indicator, StandardCharsets.UTF_8);
        AtomicReference<ServiceClient.Answer> answer = new AtomicReference<>();
        await("GET " + url).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            answer.set(http.get(url));
            return answer.get().status() != 503;
        });
        assertEquals(200, answer.get().status(), "GET " + url + ": " + answer.get());
        assertTrue(answer.get().json() != null && answer.get().json().isArray(), "GET " + url + " answers a JSON array");
        return answer.get().json();
    }

    static void log(String format, Object... args) {
        System.out.printf("[e2e %5.1f s] %s%n", (System.nanoTime() - startedAt) / 1e9, String.format(format, args));
    }
}
