package eu.emistreams.query.serving;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.emistreams.query.config.QueryConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of this service for the rows of its own partitions, server-side, on the
 * internal endpoint. The request carries {@code local=true}: the other instance answers from its
 * own store and never forwards again (one hop at most).
 */
@ApplicationScoped
public class RemoteIndicatorClient {

    public static final String INTERNAL_PATH = "/internal/indicators";

    /** The same question answered with each value's provenance. */
    public static final String INTERNAL_WITH_PROVENANCE_PATH = INTERNAL_PATH + "/with-provenance";

    private static final TypeReference<List<IndicatorRow>> ROWS = new TypeReference<>() {
    };

    private static final TypeReference<List<IndicatorRowWithProvenance>> ROWS_WITH_PROVENANCE = new TypeReference<>() {
    };

    @Inject
    QueryConfig config;

    @Inject
    ObjectMapper json;

    private HttpClient http;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .connectTimeout(config.remote().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The rows of {@code partitions} held by {@code host}. Completes exceptionally with
     * {@link StoreUnavailableException} when the instance is unreachable, slow or not ready.
     */
    public CompletableFuture<List<IndicatorRow>> fetch(HostInfo host, IndicatorFilter filter, Set<Integer> partitions) {
        return fetch(host, INTERNAL_PATH, filter, partitions, ROWS);
    }

    /** As {@link #fetch(HostInfo, IndicatorFilter, Set)}, each row with its provenance. */
    public CompletableFuture<List<IndicatorRowWithProvenance>> fetchWithProvenance(
            HostInfo host, IndicatorFilter filter, Set<Integer> partitions) {
        return fetch(host, INTERNAL_WITH_PROVENANCE_PATH, filter, partitions, ROWS_WITH_PROVENANCE);
    }

    private <R> CompletableFuture<List<R>> fetch(HostInfo host, String path, IndicatorFilter filter,
            Set<Integer> partitions, TypeReference<List<R>> type) {
        URI uri = internalUri(host, path, filter, partitions);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.remote().requestTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw new StoreUnavailableException("instance " + host + " did not answer: " + cause, 1, cause);
                    }
                    return read(host, response, type);
                });
    }

    private <R> List<R> read(HostInfo host, HttpResponse<byte[]> response, TypeReference<List<R>> type) {
        int status = response.statusCode();
        if (status == 503) {
            throw new StoreUnavailableException("instance " + host + " is not ready", 1, null);
        }
        if (status != 200) {
            throw new IllegalStateException("instance " + host + " answered " + status + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("instance " + host + " answered unreadable JSON", e);
        }
    }

    static URI internalUri(HostInfo host, IndicatorFilter filter, Set<Integer> partitions) {
        return internalUri(host, INTERNAL_PATH, filter, partitions);
    }

    static URI internalUri(HostInfo host, String path, IndicatorFilter filter, Set<Integer> partitions) {
        StringJoiner query = new StringJoiner("&");
        query.add("local=true");
        partitions.forEach(partition -> query.add("partition=" + partition));
        for (Map.Entry<String, List<String>> parameter : filter.asParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                query.add(parameter.getKey() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        // An IPv6 literal needs brackets in a URI.
        String hostPart = host.host().contains(":") ? "[" + host.host() + "]" : host.host();
        return URI.create("http://" + hostPart + ":" + host.port() + path + "?" + query);
    }
}
