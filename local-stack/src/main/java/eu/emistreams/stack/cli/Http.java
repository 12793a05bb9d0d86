package eu.emistreams.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.emistreams.stack.StackException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The launcher's HTTP calls to the services, with answers as JSON and failures as one line. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's detail (or title, or raw text) for a one-line error. */
        String reason() {
            if (body != null && body.hasNonNull("detail")) {
                return body.get("detail").asText();
            }
            if (body != null && body.hasNonNull("title")) {
                return body.get("title").asText();
            }
            return text == null || text.isBlank() ? "HTTP " + status : text.strip();
        }
    }

    private Http() {
    }

    static Answer get(String url, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), url);
    }

    /** The request with the stack's API token, which the write endpoints require (ApiToken). */
    static HttpRequest.Builder authorized(HttpRequest.Builder request, eu.emistreams.stack.StackSettings settings) {
        eu.emistreams.stack.ApiToken.authorization(settings).ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    static Answer send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // plain text answers are kept as text
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (ConnectException e) {
            throw new StackException("cannot reach " + what + ": is the stack up? (./emi up)");
        } catch (IOException e) {
            throw new StackException("calling " + what + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
