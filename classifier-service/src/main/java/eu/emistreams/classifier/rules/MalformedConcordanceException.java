package eu.emistreams.classifier.rules;

import java.util.List;

/**
 * A concordance refused as a whole. The message is the first problem ({@code line 7: unknown code
 * X.Y}); {@link #problems()} lists every problem found, up to {@link #MAX_PROBLEMS}.
 */
public class MalformedConcordanceException extends RuntimeException {

    /** Enough to fix a file in a few rounds without flooding a terminal or an HTTP answer. */
    public static final int MAX_PROBLEMS = 100;

    private final List<ConcordanceProblem> problems;

    public MalformedConcordanceException(List<ConcordanceProblem> problems) {
        super(message(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a malformed concordance has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConcordanceProblem firstProblem() {
        return problems.get(0);
    }

    public List<ConcordanceProblem> problems() {
        return problems;
    }

    private static String message(List<ConcordanceProblem> problems) {
        if (problems.isEmpty()) {
            return "malformed concordance";
        }
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
