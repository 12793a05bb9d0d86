package eu.emistreams.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.emistreams.bench.BenchException;
import eu.emistreams.bench.batch.IndicatorId;
import eu.emistreams.stack.ApiToken;
import eu.emistreams.stack.ReleaseInbox;
import eu.emistreams.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The HTTP calls the benchmark makes to the services of its stack. */
public final class PipelineClient {

    /** How long answers must stay settled before the first of them counts (a release may look settled once). */
    static final Duration SETTLED_CONFIRMATION = Duration.ofMillis(300);
    private static final Duration POLL = Duration.ofMillis(100);
    /**
     * While records wait, the next look at the status comes after the time the stages need for them
     * at this rate (slower than any stage drains a backlog here), at most {@link #LONGEST_POLL}: a
     * status answer costs the stack about 0.03 CPU seconds (the broker's offsets, the groups', the
     * stage checks), a quarter of a core at ten a second, taken from the pipeline being measured.
     */
    private static final long DRAIN_RECORDS_PER_SECOND = 50_000;
    private static final Duration LONGEST_POLL = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackSettings settings;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public PipelineClient(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * Submits a PATSTAT release directory; returns the job id. The release is first staged into the
     * stack's ingest inbox, the only place its ingest service reads by path: hard links, which take
     * milliseconds of the caller's timing and go with the stack's data directory.
     */
    public String submitIngest(Path releaseDirectory, String release) {
        Path staged = ReleaseInbox.stage(settings, releaseDirectory.toAbsolutePath().normalize());
        String body = JSON.createObjectNode()
                .put("path", staged.toString())
                .put("release", release).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.ingestUrl() + "/api/ingest/patstat"))
                .header("Authorization", ApiToken.authorization(settings)
                        .orElseThrow(() -> new BenchException("the bench stack has no API token")))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Answer answer = send(request);
        if (answer.status() != 202 && answer.status() != 200) {
            throw new BenchException("the ingest service refused release " + release + ": HTTP " + answer.status() + " "
                    + answer.text());
        }
        return answer.json().path("id").asText();
    }

    /** Follows an ingest job until it completes; fails when the job fails or the time is up. */
    public JsonNode awaitIngest(String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Answer answer = get(settings.ingestUrl() + "/api/ingest/jobs/" + jobId);
            if (answer.status() == 200) {
                String state = answer.json().path("state").asText();
                if (state.equals("COMPLETED")) {
                    return answer.json();
                }
                if (state.equals("FAILED")) {
                    throw new BenchException("ingest job " + jobId + " failed: " + answer.json().path("message").asText());
                }
            }
            pause(POLL);
        }
        throw new BenchException("ingest job " + jobId + " did not complete within " + timeout.toMinutes() + " min");
    }

    /**
     * Waits until the pipeline is settled with {@code release} as the PATSTAT release in force:
     * {@code GET /api/status} settled (no ingest running, no consumer lag) and the indicator
     * service holding nothing unpublished ({@code GET /api/pending}), for
     * {@link #SETTLED_CONFIRMATION} without interruption.
     *
     * @return {@link System#nanoTime()} of the first settled answer of that confirmed run
     */
    public long awaitSettled(String release, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstSettled = -1;
        while (System.nanoTime() < deadline) {
            Observation observation = observe(release);
            long now = System.nanoTime();
            if (!observation.settled()) {
                firstSettled = -1;
            } else if (firstSettled < 0) {
                firstSettled = now;
            } else if (now - firstSettled >= SETTLED_CONFIRMATION.toNanos()) {
                return firstSettled;
            }
            pause(pollAfter(observation.lag()));
        }
        throw new BenchException("the pipeline did not settle on release " + release + " within "
                + timeout.toMinutes() + " min; last status: " + get(settings.queryUrl() + "/api/status").text());
    }

    /** Whether the pipeline is settled on a release, and the records its stages have still to read. */
    record Observation(boolean settled, long lag) {
    }

    Observation observe(String release) {
        Answer status = get(settings.queryUrl() + "/api/status");
        if (status.status() != 200) {
            return new Observation(false, 0);
        }
        long lag = 0;
        for (JsonNode groupLag : status.json().path("lag")) {
            lag += groupLag.asLong(0);
        }
        if (!status.json().path("settled").asBoolean(false)) {
            return new Observation(false, lag);
        }
        JsonNode patstat = status.json().path("sources").path("patstat");
        if (!release.equals(patstat.path("release").asText()) || !"COMPLETED".equals(patstat.path("status").asText())) {
            return new Observation(false, lag);
        }
        // The query service's lag does not see changes the indicator service read but has not published yet.
        Answer pending = get(settings.indicatorUrl() + "/api/pending");
        return new Observation(pending.status() == 200 && !pending.json().path("pending").asBoolean(true), lag);
    }

    /** {@link #POLL} once nothing waits; longer while the stages have records to go through. */
    static Duration pollAfter(long lag) {
        long millis = lag * 1000 / DRAIN_RECORDS_PER_SECOND;
        return Duration.ofMillis(Math.max(POLL.toMillis(), Math.min(LONGEST_POLL.toMillis(), millis)));
    }

    /** Every indicator the query service serves. */
    public Map<IndicatorId, Double> allIndicators() {
        return indicators(settings.queryUrl() + "/api/indicators");
    }

    /** One indicator value, or empty when the query service has none for that key. */
    public OptionalDouble indicator(IndicatorId id) {
        Map<IndicatorId, Double> rows = indicators(settings.queryUrl() + pointQuery(id));
        Double value = rows.get(id);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** The path and query of {@code GET /api/indicators} for exactly one key. */
    public static String pointQuery(IndicatorId id) {
        return "/api/indicators?indicator=" + encode(id.indicator()) + "&country=" + encode(id.country()) + "&code="
                + encode(id.code()) + "&year=" + id.year();
    }

    private Map<IndicatorId, Double> indicators(String url) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer answer = get(url);
        // 503 is how the query service says its stores are not queryable yet: a normal state.
        while (answer.status() == 503 && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(500));
            answer = get(url);
        }
        if (answer.status() != 200 || !answer.json().isArray()) {
            throw new BenchException("GET " + url + " answered HTTP " + answer.status() + ": " + answer.text());
        }
        Map<IndicatorId, Double> values = new HashMap<>();
        for (JsonNode row : answer.json()) {
            IndicatorId id = new IndicatorId(row.path("indicator").asText(), row.path("country").asText(),
                    row.path("code").asText(), row.path("year").asInt());
            if (values.put(id, row.path("value").asDouble()) != null) {
                throw new BenchException("the query service answered " + id + " twice");
            }
        }
        return values;
    }

    /** The version of the concordance the classifier applies, once every task has applied it. */
    public String appliedConcordanceVersion(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer answer = get(settings.classifierUrl() + "/api/concordance");
        while (System.nanoTime() < deadline) {
            if (answer.status() == 200 && answer.json().path("appliedEverywhere").asBoolean(false)) {
                return answer.json().path("version").asText();
            }
            pause(Duration.ofMillis(500));
            answer = get(settings.classifierUrl() + "/api/concordance");
        }
        throw new BenchException("the classifier has not applied its concordance within " + timeout.toSeconds()
                + " s: " + answer.text());
    }

    private Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // kept as text for the message
            }
            return new Answer(response.statusCode(), json == null ? JSON.missingNode() : json, response.body());
        } catch (IOException e) {
            throw new BenchException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private record Answer(int status, JsonNode json, String text) {
    }
}
