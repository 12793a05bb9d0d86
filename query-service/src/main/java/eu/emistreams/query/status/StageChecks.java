package eu.emistreams.query.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.emistreams.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What consumer offsets cannot show: the indicator stage commits its input before its punctuator
 * publishes the recomputed values ({@code GET /api/pending}), and the classifier applies a new
 * concordance from a global store that has no consumer group ({@code GET /api/concordance}).
 * Each configured stage is asked; an unreachable stage is not settled.
 */
@ApplicationScoped
public class StageChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    QueryConfig config;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One line per stage that is still working or cannot be asked; empty when all are done. */
    public List<String> unsettledStages() {
        List<String> reasons = new ArrayList<>();
        for (String url : config.indicatorPendingUrls().orElse(List.of())) {
            JsonNode pending = get(url, reasons);
            if (pending != null && pending.path("pending").asBoolean(true)) {
                reasons.add("the indicator stage at " + url + " has unpublished changes for years "
                        + pending.path("years"));
            }
        }
        config.classifierUrl().ifPresent(base -> {
            String url = base + "/api/concordance";
            JsonNode concordance = get(url, reasons);
            if (concordance != null && !concordance.path("appliedEverywhere").asBoolean(false)) {
                reasons.add("the classifier is still applying concordance "
                        + concordance.path("version").asText("?"));
            }
        });
        return reasons;
    }

    private JsonNode get(String url, List<String> reasons) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                reasons.add(url + " answered " + response.statusCode());
                return null;
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            reasons.add(url + " is not reachable (" + e.getClass().getSimpleName() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reasons.add("interrupted while asking " + url);
            return null;
        }
    }
}
