package eu.emistreams.classifier.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.emistreams.classifier.rules.ConcordanceProblem;
import java.util.List;

/**
 * The JSON body of every error answer: a short title, a detail a user can act on and, for a
 * refused concordance, the first bad line and every problem found.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String title, String detail, Long line, List<String> problems) {

    public static Problem of(String title, String detail) {
        return new Problem(title, detail, null, null);
    }

    public static Problem malformedConcordance(List<ConcordanceProblem> problems) {
        ConcordanceProblem first = problems.get(0);
        return new Problem("Malformed concordance", first.toString(), first.line(),
                problems.stream().map(ConcordanceProblem::toString).toList());
    }
}
