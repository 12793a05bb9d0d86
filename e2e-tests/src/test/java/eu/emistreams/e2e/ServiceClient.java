package eu.emistreams.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTTP calls the test makes to the services, as a user's script would, with JSON answers. */
final class ServiceClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: status, the raw body, the body as JSON when it is JSON (else null), headers by lower-case name. */
    record Answer(int status, String text, JsonNode json, java.util.Map<String, java.util.List<String>> headers) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return "HTTP " + status + ": " + (text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text);
        }
    }

    Answer get(String url) {
        return get(url, Duration.ofSeconds(60));
    }

    /** A GET that gives up after {@code timeout} (java.net.http.HttpTimeoutException inside the UncheckedIOException). */
    Answer get(String url, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
    }

    /** Write requests carry the test stack's API token, which the write endpoints require. */
    private static HttpRequest.Builder writing(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        eu.emistreams.stack.test.TestStack.authorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    Answer postJson(String url, JsonNode body) {
        return send(writing(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    Answer postFile(String url, String contentType, java.nio.file.Path file) {
        try {
            return send(writing(url).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        } catch (java.io.FileNotFoundException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Answer putCsv(String url, String csv) {
        return send(writing(url).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    Answer delete(String url) {
        return send(writing(url).timeout(Duration.ofMinutes(2)).DELETE().build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body() == null ? "" : response.body();
            JsonNode json = null;
            try {
                json = text.isBlank() ? null : JSON.readTree(text);
            } catch (IOException notJson) {
                // A plain-text answer stays available as text.
            }
            java.util.Map<String, java.util.List<String>> headers = new java.util.TreeMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            return new Answer(response.statusCode(), text, json, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.uri(), e);
        }
    }
}
