package eu.emistreams.query.api;

import eu.emistreams.query.serving.MalformedParameterException;
import eu.emistreams.query.serving.StoreUnavailableException;
import eu.emistreams.query.serving.UnknownValueException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the HTTP API is a JSON problem: 400 malformed, 404 unknown, 503 not ready yet
 * with {@code Retry-After}. An unexpected failure is logged with its stack trace and answered 500
 * with an id to find it in the log, never with the trace itself.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response malformed(MalformedParameterException e) {
        return problem(new Problem("Malformed parameter", 400, e.getMessage(), e.parameter()));
    }

    @ServerExceptionMapper
    public Response unknown(UnknownValueException e) {
        String title = "Unknown " + e.kind();
        return problem(new Problem(title, 404, e.getMessage(), e.kind()));
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        LOG.debugf("answering 503: %s", e.getMessage());
        return Response.status(503)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .entity(new Problem("Not ready yet", 503, e.getMessage()))
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = original.getStatusInfo().getReasonPhrase();
        Response.ResponseBuilder answer = Response.fromResponse(original)
                .entity(new Problem(title == null ? "HTTP " + status : title, status, e.getMessage()))
                .type(Problem.MEDIA_TYPE);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String id = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        LOG.errorf(e, "unexpected failure %s", id);
        return problem(new Problem("Internal error", 500,
                "the request failed unexpectedly; the service log has the details under id " + id));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
