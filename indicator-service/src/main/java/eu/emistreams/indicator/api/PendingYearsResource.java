package eu.emistreams.indicator.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** {@code GET /api/pending}: whether this instance still holds indicators to publish. */
@Path("/api/pending")
public class PendingYearsResource {

    /** The answer: the years waiting for publication; {@code pending} is false when there are none. */
    public record Pending(boolean pending, List<Integer> years) {
    }

    @Inject
    PendingYears pendingYears;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response pending() {
        return pendingYears.list()
                .map(years -> Response.ok(new Pending(!years.isEmpty(), years)).build())
                .orElseGet(() -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "1")
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("title", "store not ready", "status", 503,
                                "detail", "the year status store is not queryable yet (starting or rebalancing)"))
                        .build());
    }
}
