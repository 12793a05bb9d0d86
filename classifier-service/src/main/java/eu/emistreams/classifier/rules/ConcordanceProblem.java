package eu.emistreams.classifier.rules;

/** Why one line of a concordance file is refused. Line 1 is the header. */
public record ConcordanceProblem(long line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
