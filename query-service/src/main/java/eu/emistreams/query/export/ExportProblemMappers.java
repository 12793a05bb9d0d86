package eu.emistreams.query.export;

import eu.emistreams.query.api.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The export's own problem: 413 when it is above the row limit. */
public class ExportProblemMappers {

    @ServerExceptionMapper
    public Response tooLarge(ExportTooLargeException e) {
        return Response.status(413).entity(new Problem("Export too large", 413, e.getMessage()))
                .type(Problem.MEDIA_TYPE).build();
    }
}
