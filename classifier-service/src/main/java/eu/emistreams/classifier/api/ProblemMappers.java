package eu.emistreams.classifier.api;

import eu.emistreams.classifier.concordance.ConcordancePublisher.PublishFailedException;
import eu.emistreams.classifier.concordance.StoreUnavailableException;
import eu.emistreams.classifier.rules.MalformedConcordanceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns failures into JSON problems; never a stack trace in an answer. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response malformedConcordance(MalformedConcordanceException e) {
        return json(Response.Status.BAD_REQUEST, Problem.malformedConcordance(e.problems()));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return json(e.status(), e.problem());
    }

    @ServerExceptionMapper
    public Response publishFailed(PublishFailedException e) {
        LOG.warn(e.getMessage(), e);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Problem.of("Concordance not published", e.getMessage() + "; the rules in force are unchanged"))
                .build();
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Problem.of("Not ready", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        return json(Response.Status.fromStatusCode(original.getStatus()),
                Problem.of(original.getStatusInfo().getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return json(Response.Status.INTERNAL_SERVER_ERROR,
                Problem.of("Internal error", "the classifier failed to answer; see its log"));
    }

    private static Response json(Response.Status status, Problem problem) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(problem).build();
    }
}
