package eu.emistreams.indicator.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** {@code GET /api/pending}: whether this instance still holds indicators to publish. */
@Path("/api/pending")
public class PendingYearsResource {

    /**
     * The answer: {@code years} waiting for publication in any family (sorted, distinct),
     * {@code byFamily} the same per indicator family, {@code applicationsUnforwarded} whether
     * applications read still wait to reach the patent aggregate (their years are not known yet);
     * {@code pending} is false when nothing waits.
     */
    public record Pending(boolean pending, List<Integer> years, Map<String, List<Integer>> byFamily,
            boolean applicationsUnforwarded) {
    }

    @Inject
    PendingYears pendingYears;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response pending() {
        return pendingYears.list()
                .map(unpublished -> {
                    SortedSet<Integer> years = new TreeSet<>();
                    unpublished.yearsByFamily().values().forEach(years::addAll);
                    boolean pending = !years.isEmpty() || unpublished.applicationsUnforwarded();
                    return Response.ok(new Pending(pending, List.copyOf(years), unpublished.yearsByFamily(),
                            unpublished.applicationsUnforwarded())).build();
                })
                .orElseGet(() -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "1")
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("title", "store not ready", "status", 503,
                                "detail", "a year status store cannot be queried: Kafka Streams is "
                                        + pendingYears.state() + " (starting, rebalancing, stopped or failed)"))
                        .build());
    }
}
