package eu.emistreams.classifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The concordance parser on arbitrary text: a file of rules is either accepted whole, its rules
 * one per non-blank line after the header, or refused whole with problems that each name a line
 * of the file and a reason. Never another exception, never a hang, and the same text always
 * gives the same answer.
 */
class ConcordanceParserPropertyTest {

    @Property(tries = 400)
    void anyTextIsAcceptedWholeOrRefusedWithLinesAndReasons(@ForAll("concordanceText") String text) {
        Object first = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> outcome(text), "parsing hangs");
        Object second = outcome(text);
        assertEquals(first, second, "the same text, another answer");
        long lines = text.lines().count() + 1;
        if (first instanceof List<?> problems) {
            assertFalse(problems.isEmpty(), "a refusal names at least one problem");
            for (Object item : problems) {
                ConcordanceProblem problem = (ConcordanceProblem) item;
                assertTrue(problem.line() >= 1 && problem.line() <= lines, "line " + problem.line() + " of " + lines);
                assertFalse(problem.reason() == null || problem.reason().isBlank(), "a problem without a reason");
            }
        } else {
            String rules = (String) first;
            assertFalse(rules.isEmpty(), "an accepted file has rules");
        }
    }

    /** The problems of a refusal, or the rules accepted, as comparable values. */
    private static Object outcome(String text) {
        try {
            RuleSet rules = ConcordanceParser.parse("arbitrary.csv", text);
            return rules.version() + " " + rules.rules();
        } catch (MalformedConcordanceException e) {
            return List.copyOf(e.problems());
        }
    }

    @Provide
    Arbitrary<String> concordanceText() {
        Arbitrary<String> field = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("IPC", "CPC", "HS6", "CPA", "KEYWORD", "NACE", "ipc", "")),
                Tuple.of(4, Arbitraries.of("H01L31/04", "F03D", "H01L", "854140", "26.11", "machine learning", "A61K",
                        "G06N3/0", "Y02E10/50", "H01M10/05*")),
                Tuple.of(3, Arbitraries.of("TECHNOLOGY", "ECOSYSTEM", "technology", "OTHER")),
                Tuple.of(3, Arbitraries.of("G.REN.SOLAR", "D.AI", "ELEC", "HEAL", "MOB", "REN", "X.Y", "G", "D.AMR.ROB")),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().withChars("\",\n\r \t;").ofMaxLength(5)),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(10_000).ofMaxLength(40_000)));
        Arbitrary<String> line = field.list().ofMinSize(0).ofMaxSize(6).map(fields -> {
            List<String> rendered = new ArrayList<>();
            for (String f : fields) {
                rendered.add(f.contains(",") || f.contains("\"") || f.contains("\n") ? '"' + f.replace("\"", "\"\"") + '"' : f);
            }
            return String.join(",", rendered);
        });
        Arbitrary<String> header = Arbitraries.of("scheme,pattern,dimension,code", "\uFEFFscheme,pattern,dimension,code",
                " scheme , pattern , dimension , code ", "scheme,pattern,dimension", "code,scheme,pattern,dimension", "");
        return header.flatMap(h -> line.list().ofMaxSize(25).flatMap(body -> Arbitraries.of("\n", "\r\n").flatMap(
                eol -> Arbitraries.integers().between(-1, 200).map(cut -> {
                    String text = h + eol + String.join(eol, body) + eol;
                    // Sometimes cut anywhere, as a truncated upload is.
                    return cut < 0 || cut >= text.length() ? text : text.substring(0, cut);
                }))));
    }
}
