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
     * {@code byFamily} the same per indicator family; {@code pending} is false when there are none.
     */
    public record Pending(boolean pending, List<Integer> years, Map<String, List<Integer>> byFamily) {
    }

    @Inject
    PendingYears pendingYears;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response pending() {
        return pendingYears.list()
                .map(byFamily -> {
                    SortedSet<Integer> years = new TreeSet<>();
                    byFamily.values().forEach(years::addAll);
                    return Response.ok(new Pending(!years.isEmpty(), List.copyOf(years), byFamily)).build();
                })
                .orElseGet(() -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "1")
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("title", "store not ready", "status", 503,
                                "detail", "a year status store is not queryable yet (starting or rebalancing)"))
                        .build());
    }
}
