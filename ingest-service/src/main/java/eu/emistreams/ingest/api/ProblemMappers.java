package eu.emistreams.ingest.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error answer is a JSON problem with a one-line detail, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response answer = answer(e.problem());
        return e.retryAfterSeconds().map(seconds -> Response.fromResponse(answer).header("Retry-After", seconds).build())
                .orElse(answer);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return answer(new Problem(e.getResponse().getStatusInfo().getReasonPhrase(), status,
                e.getMessage() == null ? "HTTP " + status : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return answer(new Problem("Internal error", 500, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON).entity(problem).build();
    }
}
