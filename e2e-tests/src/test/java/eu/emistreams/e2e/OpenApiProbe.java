package eu.emistreams.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives every operation of a service's OpenAPI document with bad values: empty, malformed,
 * oversized, wrong types, unknown codes, path traversal, for every path and query parameter and
 * as the body of writes (each media type the service might be sent). What it reports are the
 * answers no client should ever get: a 500 (or any 5xx but a 503 with Retry-After), a stack
 * trace in the body, or no answer.
 */
final class OpenApiProbe {

    static final List<String> BAD_VALUES = List.of("", "x", "-1", "99999999999999999999", "%00", "../../etc/passwd",
            "ZZ", "A".repeat(5_000), "2020-13-45", "null", "\u00e9\u4e2d\ud83d\ude00", "1e309", "' OR 1=1 --",
            "{\"a\":", "<x>");
    private static final List<String> MEDIA_TYPES = List.of("application/json", "text/csv", "application/gzip",
            "application/zip", "text/plain", "application/x-unknown");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The operations probed and the bad answers, as lines naming the request. */
    record Findings(int requests, List<String> problems) {
    }

    Findings probe(String baseUrl, Optional<String> authorization) throws IOException, InterruptedException {
        JsonNode spec = ServiceClient.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/q/openapi?format=json")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                for (int i = 0; i < BAD_VALUES.size(); i++) {
                    String value = BAD_VALUES.get(i);
                    String target = path.getKey();
                    StringBuilder query = new StringBuilder();
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        String name = parameter.path("name").asText();
                        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                        switch (parameter.path("in").asText()) {
                            case "path" -> target = target.replace("{" + name + "}", encoded.isEmpty() ? "%20" : encoded);
                            case "query" -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encoded);
                            default -> { }
                        }
                    }
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + target + query))
                            .timeout(Duration.ofSeconds(30));
                    if (method.equals("GET") || method.equals("DELETE")) {
                        request.method(method, HttpRequest.BodyPublishers.noBody());
                    } else {
                        authorization.ifPresent(value1 -> request.header("Authorization", value1));
                        request.header("Content-Type", MEDIA_TYPES.get(i % MEDIA_TYPES.size()))
                                .method(method, HttpRequest.BodyPublishers.ofString(value));
                    }
                    requests++;
                    String line = method + " " + target + query;
                    try {
                        HttpResponse<String> answer = send(request.build());
                        int status = answer.statusCode();
                        boolean retryLater = status == 503 && answer.headers().firstValue("Retry-After").isPresent();
                        if (status >= 500 && !retryLater) {
                            problems.add(line + " -> " + status + " " + abbreviate(answer.body()));
                        } else if (answer.body().contains("\tat ") || answer.body().contains("Exception:")) {
                            problems.add(line + " -> " + status + " with a stack trace: " + abbreviate(answer.body()));
                        }
                    } catch (IOException e) {
                        problems.add(line + " -> no answer: " + e);
                    }
                }
            }
        }
        return new Findings(requests, problems);
    }

    /**
     * A server may close a connection after refusing a body it did not read (HTTP allows it); a
     * request that met such a closed pooled connection is sent once more, on a new one.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closed) {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .build().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
