package eu.emistreams.query.api;

import eu.emistreams.query.serving.IndicatorAnswers;
import eu.emistreams.query.serving.IndicatorFilter;
import eu.emistreams.query.serving.IndicatorRow;
import eu.emistreams.query.serving.Variants;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/indicators}: the indicators of every instance, filtered. */
@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "Indicator values as defined by indicators.md")
public class IndicatorResource {

    static final Set<String> FILTERS = Set.of("indicator", "country", "code", "year", "variant");

    @Inject
    IndicatorAnswers answers;

    @Inject
    Variants variants;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Indicator values",
            description = "Every filter is optional and may be repeated (country=BE&country=FR); "
                    + "the answer is sorted by indicator, country, code and year. Every patent value also carries "
                    + "\"provisional\": true|false: true for the latest priority year with a counted application and "
                    + "the year before (emi.query.provisional-years, default 2; 0 turns it off), whose applications "
                    + "PATSTAT has not all published yet (about 18 months after the priority date). "
                    + "Trade, production and investment values carry no such field.")
    @APIResponse(responseCode = "200", description = "The matching values",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorRow.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "A malformed parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "An unknown indicator, country, code or variant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The stores are not ready yet",
            headers = @Header(name = "Retry-After", description = "seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> indicators(
            @Parameter(description = "Indicator name, e.g. patent.world_share")
            @QueryParam("indicator") List<String> indicator,
            @Parameter(description = "ISO 3166-1 alpha-2 country code (GR for Greece), ZZ for unknown, or EU27 for the EU27 as one economy")
            @QueryParam("country") List<String> country,
            @Parameter(description = "Ecosystem or technology code, e.g. AGRI or D.AI")
            @QueryParam("code") List<String> code,
            @Parameter(description = "Year, e.g. 2020; 0 for totals over years")
            @QueryParam("year") List<String> year,
            @Parameter(description = "A variant rule set loaded beside the rules in force (./emi concordance load FILE "
                    + "--variant NAME): the values under it; absent for the rules in force")
            @QueryParam("variant") String variant) {
        QueryParameters.requireOnly(uri, FILTERS);
        IndicatorFilter filter = variants.apply(IndicatorFilter.parse(indicator, country, code, year), variant);
        // A kept answer goes out from the event loop as it is; computing one scans the stores and
        // may wait for other instances, so it runs on a worker thread.
        byte[] kept = answers.currentKeptJson(filter);
        if (kept != null) {
            return Uni.createFrom().item(json(kept));
        }
        return Uni.createFrom().item(() -> json(answers.json(filter))).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
