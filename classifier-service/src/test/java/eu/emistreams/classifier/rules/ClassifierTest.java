package eu.emistreams.classifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.emistreams.events.codes.EmiCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {

    private static Classifier classifier(String rules) {
        return Classifier.compile(ConcordanceParser.parse("test.csv", "scheme,pattern,dimension,code\n" + rules));
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource(textBlock = """
            H01L,       H01L31/04,    true
            H01L,       H01L,         true
            H01L,       H01L21/677,   true
            H01L,       H01M10/44,    false
            H01L31,     H01L31/04,    true
            H01L31,     H01L31/00,    true
            H01L31,     H01L31,       true
            H01L31,     H01L310/00,   false
            H01L31,     H01L3/00,     false
            H01L31,     H01L311/04,   false
            H01L31,     H01L031/04,   true
            H01L31/04,  H01L31/04,    true
            H01L31/04,  H01L31/042,   true
            H01L31/04,  H01L31/0445,  true
            H01L31/04,  H01L31/05,    false
            H01L31/04,  H01L31/4,     false
            H01L31/04,  H01L310/04,   false
            H01L31/04,  H01L3/04,     false
            H01L31/04,  H01L31,       false
            H01L31/04,  H01M31/04,    false
            """)
    void matchesIpcSubclassMainGroupAndGroupPatterns(String pattern, String symbol, boolean matches) {
        Classifier classifier = classifier("IPC," + pattern + ",ECOSYSTEM,ELEC\n");
        assertEquals(matches ? List.of("ELEC") : List.of(), classifier.classifyIpc(symbol));
    }

    @Test
    void removesAllWhitespaceFromSymbols() {
        Classifier classifier = classifier("IPC,H01L21/677,ECOSYSTEM,ELEC\nIPC,A61K9,ECOSYSTEM,HEAL\n");
        assertEquals(List.of("ELEC"), classifier.classifyIpc("H01L  21/677"));
        assertEquals(List.of("HEAL"), classifier.classifyIpc(" A61K   9/00 "));
        assertEquals(List.of("ELEC"), classifier.classifyIpc("H01L\t21/ 6771"));
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            solar cell      | A Solar Cell with a back contact       | true
            solar cell      | SOLAR CELL                             | true
            solar cell      | tandem solar cells                     | false
            solar cell      | solar cellar                           | false
            solar cell      | a solar-cell module                    | false
            solar cell      | solar  cell                            | false
            solar cell      | (solar cell)                           | true
            solar cell      | solar cell.                            | true
            solar cell      | photosolar cell                        | false
            solar cell      | solar_cell                             | false
            robot           | robotics                               | false
            robot           | a robot arm                            | true
            robot           | robot's arm                            | true
            e-commerce      | an E-Commerce platform                 | true
            e-commerce      | ecommerce                              | false
            3d printing     | 3D printing of parts                   | true
            3d printing     | 13d printing                           | false
            5g              | 5G networks                            | true
            5g              | 45g of sugar                           | false
            iot             | IoT devices                            | true
            iot             | idiot                                  | false
            """)
    void matchesKeywordsBetweenWordBoundariesCaseInsensitively(String phrase, String text, boolean matches) {
        Classifier classifier = classifier("KEYWORD," + phrase + ",ECOSYSTEM,DIGI\n");
        assertEquals(matches ? List.of("DIGI") : List.of(), classifier.classifyText(text));
    }

    @Test
    void wordBoundariesFollowJavaRegexForNonAsciiNeighbours() {
        Classifier classifier = classifier("KEYWORD,robot,ECOSYSTEM,DIGI\n");
        for (String text : List.of("roboté", "érobot", "robot\u00e9 x", "x 机器robot", "robot\u0301", "\uD835\uDC00robot")) {
            boolean regex = Pattern.compile("\\brobot\\b").matcher(text.toLowerCase(Locale.ROOT)).find();
            assertEquals(regex ? List.of("DIGI") : List.of(), classifier.classifyText(text), text);
        }
    }

    @Test
    void matchesTitleAndAbstractSeparately() {
        Classifier classifier = classifier("KEYWORD,solar cell,TECHNOLOGY,G.REN.SOLAR\n");
        assertEquals(List.of(), classifier.classifyPatent(List.of(), "A new solar", "cell design"));
        assertEquals(List.of("G.REN", "G.REN.SOLAR"), classifier.classifyPatent(List.of(), "A new device", "using a solar cell"));
        assertEquals(List.of("G.REN", "G.REN.SOLAR"), classifier.classifyPatent(List.of(), "Solar cell", null));
        assertEquals(List.of(), classifier.classifyPatent(null, null, null));
    }

    @Test
    void overlappingPhrasesAllMatch() {
        Classifier classifier = classifier("KEYWORD,solar,TECHNOLOGY,G.REN\n"
                + "KEYWORD,solar cell,TECHNOLOGY,G.REN.SOLAR\n"
                + "KEYWORD,cell,ECOSYSTEM,ELEC\n");
        assertEquals(List.of("ELEC", "G.REN", "G.REN.SOLAR"), classifier.classifyText("solar cell"));
    }

    @Test
    void combinesIpcAndKeywordsAddsParentsOnceSortedAndDistinct() {
        Classifier classifier = classifier("IPC,H02S,TECHNOLOGY,G.REN.SOLAR\n"
                + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n"
                + "IPC,F03D,ECOSYSTEM,REN\n"
                + "KEYWORD,wind turbine,TECHNOLOGY,G.REN.WIND\n"
                + "KEYWORD,renewable energy,TECHNOLOGY,G.REN\n"
                + "IPC,B25J,TECHNOLOGY,D.AMR.ROB\n");
        assertEquals(List.of("G.REN", "G.REN.SOLAR", "G.REN.WIND", "REN"), classifier.classifyPatent(
                List.of("H02S40/44", "F03D1/06", "F03D 80/00"), "Wind turbine for renewable energy",
                "A wind turbine and solar panel"));
        assertEquals(List.of("D.AMR", "D.AMR.ROB"), classifier.classifyIpc("B25J9/16"));
    }

    @Test
    void matchesHs6AndProdcomPrefixes() {
        Classifier classifier = classifier("HS6,8541,ECOSYSTEM,ELEC\n"
                + "HS6,854143,TECHNOLOGY,G.REN.SOLAR\n"
                + "HS6,0,ECOSYSTEM,AGRI\n"
                + "PRODCOM8,261122,TECHNOLOGY,G.REN.SOLAR\n"
                + "PRODCOM8,26,ECOSYSTEM,ELEC\n");
        assertEquals(List.of("ELEC", "G.REN", "G.REN.SOLAR"), classifier.classifyHs6("854143"));
        assertEquals(List.of("ELEC"), classifier.classifyHs6("854142"));
        assertEquals(List.of("AGRI"), classifier.classifyHs6("030617"));
        assertEquals(List.of(), classifier.classifyHs6("850231"));
        assertEquals(List.of(), classifier.classifyHs6(null));
        assertEquals(List.of("ELEC", "G.REN", "G.REN.SOLAR"), classifier.classifyProdcom8("26.11.22.40"));
        assertEquals(List.of("ELEC", "G.REN", "G.REN.SOLAR"), classifier.classifyProdcom8("26112240"));
        assertEquals(List.of("ELEC"), classifier.classifyProdcom8("26113000"));
        assertEquals(List.of(), classifier.classifyProdcom8("27113230"));
    }

    @Test
    void matchesCrunchbaseCategoriesCaseInsensitivelyAfterTrimming() {
        Classifier classifier = classifier("CB_CATEGORY,Artificial Intelligence,TECHNOLOGY,D.AI\n"
                + "CB_CATEGORY,  solar ,TECHNOLOGY,G.REN.SOLAR\n");
        assertEquals(List.of("D.AI", "G.REN", "G.REN.SOLAR"),
                classifier.classifyCategories(List.of(" artificial intelligence", "SOLAR  ", "Software")));
        assertEquals(List.of(), classifier.classifyCategories(List.of("Artificial  Intelligence")));
    }

    @Test
    void keywordIndexFindsExactlyWhatTheRegexFinds() {
        List<String> phrases = List.of("solar", "solar cell", "solar cells", "cell", "x-ray", "x", "e-commerce",
                "3d printing", "wind turbine", "a b", "robot", "robots", "ab", "b_c", "c");
        StringBuilder rules = new StringBuilder();
        String[] codes = EmiCodes.ALL.toArray(String[]::new);
        for (int i = 0; i < phrases.size(); i++) {
            rules.append("KEYWORD,").append(phrases.get(i)).append(',')
                    .append(EmiCodes.dimensionOf(codes[i]).orElseThrow()).append(',').append(codes[i]).append('\n');
        }
        Classifier classifier = classifier(rules.toString());
        List<Pattern> regexes = phrases.stream().map(p -> Pattern.compile("\\b" + Pattern.quote(p) + "\\b")).toList();
        String[] pieces = {"solar", "Solar", "cell", "cells", "x", "-", "ray", "e", "commerce", "3d", "printing", "wind",
            "turbine", "a", "b", "ab", "_", "c", "robot", "robots", " ", "  ", ".", ",", "é", "ü", "1", "\n", "'"};
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String lower = text.toString().toLowerCase(Locale.ROOT);
            TreeSet<String> expected = new TreeSet<>();
            for (int i = 0; i < phrases.size(); i++) {
                if (regexes.get(i).matcher(lower).find()) {
                    expected.add(codes[i]);
                    EmiCodes.parentOf(codes[i]).ifPresent(expected::add);
                }
            }
            assertEquals(new ArrayList<>(expected), classifier.classifyText(text.toString()), "text: " + text);
        }
    }
}
