package eu.emistreams.query.api;

import eu.emistreams.query.status.PipelineStatus;
import eu.emistreams.query.status.StatusService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/status}: the record accounting per source and whether the pipeline is settled. */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "Record accounting and pipeline progress")
public class StatusResource {

    @Inject
    StatusService status;

    @GET
    @Operation(summary = "Record accounting and settledness",
            description = "Per source, the accounting of the release ingested last (read = published + ignored "
                    + "+ quality + rejected) and every release ingested; settled is true when no ingest runs and "
                    + "every pipeline consumer group has consumed its input to the end.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PipelineStatus.class)))
    @APIResponse(responseCode = "503", description = "The reports store or the broker is not ready yet",
            headers = @Header(name = "Retry-After", description = "seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PipelineStatus status() {
        return status.status();
    }
}
