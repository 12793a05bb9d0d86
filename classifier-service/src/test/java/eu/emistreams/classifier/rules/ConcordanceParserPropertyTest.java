package eu.emistreams.classifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The concordance parser on arbitrary text, each generated from a seed (in the test's name): a
 * file of rules is either accepted whole or refused whole with problems that each name a line of
 * the file and a reason. Never another exception, never a hang, and the same text always gives
 * the same answer.
 */
class ConcordanceParserPropertyTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyTextIsAcceptedWholeOrRefusedWithLinesAndReasons(long seed) {
        String text = concordanceText(new Random(seed));
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
            assertFalse(((String) first).isEmpty(), "an accepted file has rules");
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

    private static final List<List<String>> PLAUSIBLE = List.of(
            List.of("IPC", "CPC", "HS6", "CPA", "KEYWORD", "NACE", "ipc", ""),
            List.of("H01L31/04", "F03D", "H01L", "854140", "26.11", "machine learning", "A61K", "G06N3/0", "Y02E10/50",
                    "H01M10/05*"),
            List.of("TECHNOLOGY", "ECOSYSTEM", "technology", "OTHER"),
            List.of("G.REN.SOLAR", "D.AI", "ELEC", "HEAL", "MOB", "REN", "X.Y", "G", "D.AMR.ROB"));

    private static final List<String> HEADERS = List.of("scheme,pattern,dimension,code",
            "\uFEFFscheme,pattern,dimension,code", " scheme , pattern , dimension , code ", "scheme,pattern,dimension",
            "code,scheme,pattern,dimension", "");

    /** A header (right or wrong), up to 25 lines of plausible or arbitrary fields, sometimes cut anywhere. */
    private static String concordanceText(Random random) {
        String eol = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder(HEADERS.get(random.nextInt(HEADERS.size()))).append(eol);
        int lines = random.nextInt(26);
        for (int l = 0; l < lines; l++) {
            int fields = random.nextInt(7);
            List<String> rendered = new ArrayList<>();
            for (int f = 0; f < fields; f++) {
                String field = field(random, f);
                rendered.add(field.contains(",") || field.contains("\"") || field.contains("\n")
                        ? '"' + field.replace("\"", "\"\"") + '"' : field);
            }
            text.append(String.join(",", rendered)).append(eol);
        }
        int cut = random.nextInt(4) == 0 ? random.nextInt(text.length() + 1) : text.length();
        return text.substring(0, cut);
    }

    private static String field(Random random, int position) {
        int kind = random.nextInt(16);
        if (kind < 12) {
            List<String> values = PLAUSIBLE.get(position < 4 && kind < 10 ? position : random.nextInt(4));
            return values.get(random.nextInt(values.size()));
        }
        if (kind < 14) {
            StringBuilder any = new StringBuilder();
            int length = random.nextInt(13);
            for (int i = 0; i < length; i++) {
                any.append((char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0xFFFF)));
            }
            return any.toString();
        }
        if (kind < 15) {
            String alphabet = "\",\n\r \t;";
            StringBuilder odd = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                odd.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return odd.toString();
        }
        return "k".repeat(10_000 + random.nextInt(30_000));
    }
}
