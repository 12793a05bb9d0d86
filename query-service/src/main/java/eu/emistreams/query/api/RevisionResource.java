package eu.emistreams.query.api;

import eu.emistreams.events.ReleaseIds;
import eu.emistreams.query.serving.IndicatorFilter;
import eu.emistreams.query.serving.IndicatorRevision;
import eu.emistreams.query.serving.InteractiveQueries;
import eu.emistreams.query.serving.MalformedParameterException;
import eu.emistreams.query.serving.UnknownValueException;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/revisions?release=R&country=C}: the values release R changed, each with the value
 * it replaced. Every published value carries the value it replaced ({@code previousValue} on the
 * indicator topics) and the release its source's records were counted from; a value is listed
 * under R while R is the release that last changed it.
 */
@Path("/api/revisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revisions", description = "What a release changed")
public class RevisionResource {

    static final Set<String> FILTERS = Set.of("release", "indicator", "country", "code", "year");

    @Inject
    InteractiveQueries queries;

    @Context
    UriInfo uri;

    @GET
    @Blocking
    @Operation(summary = "What a release changed",
            description = "The values whose last change came with the release, with the value each replaced "
                    + "(null for a value published for the first time) and the difference; the other filters as in "
                    + "/api/indicators. A value changed again by a later release is listed under that one.")
    @APIResponse(responseCode = "200", description = "The values the release changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorRevision.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "No release, or a malformed parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A release never ingested, or an unknown indicator, country or code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The stores are not ready yet",
            headers = @Header(name = "Retry-After", description = "seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<IndicatorRevision> revisions(
            @Parameter(description = "Release id as given to the ingest, e.g. 2024-spring", required = true)
            @QueryParam("release") String release,
            @QueryParam("indicator") List<String> indicator,
            @QueryParam("country") List<String> country,
            @QueryParam("code") List<String> code,
            @QueryParam("year") List<String> year) {
        QueryParameters.requireOnly(uri, FILTERS);
        if (release == null || release.isBlank()) {
            throw new MalformedParameterException("release", "release is required, e.g. release=2024-spring");
        }
        if (!ReleaseIds.isValid(release)) {
            throw new MalformedParameterException("release",
                    "release must be " + ReleaseIds.RULE + ", got '" + release + "'");
        }
        IndicatorFilter filter = IndicatorFilter.parse(indicator, country, code, year);
        boolean ingested = queries.ingestReports().keySet().stream()
                .anyMatch(sourceAndRelease -> sourceAndRelease.endsWith("/" + release));
        if (!ingested) {
            throw new UnknownValueException("release", release, "no release '" + release + "' was ingested");
        }
        return queries.indicatorsWithProvenance(filter).stream()
                .map(row -> IndicatorRevision.of(row, release))
                .flatMap(Optional::stream)
                .sorted(IndicatorRevision.ORDER)
                .toList();
    }
}
