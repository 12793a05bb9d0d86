package eu.emistreams.classifier.api;

import jakarta.ws.rs.core.Response;

/** An answer that is a JSON problem with its status. */
public class ProblemException extends RuntimeException {

    private final Response.Status status;
    private final Problem problem;

    public ProblemException(Response.Status status, Problem problem) {
        super(problem.detail());
        this.status = status;
        this.problem = problem;
    }

    public Response.Status status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }
}
