package eu.emistreams.classifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.codes.Dimension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcordanceParserTest {

    private static final String HEADER = "scheme,pattern,dimension,code\n";

    @Test
    void readsEverySchemeAndNormalisesPatterns() {
        RuleSet rules = ConcordanceParser.parse("all.csv", HEADER
                + "IPC,H01L  31/04,TECHNOLOGY,G.REN.SOLAR\n"
                + "KEYWORD,\"solar cell, thin film\",TECHNOLOGY,G.REN.SOLAR\n"
                + " HS6 , 8541 , ECOSYSTEM , ELEC \n"
                + "PRODCOM8,26.11.22,TECHNOLOGY,G.REN.SOLAR\n"
                + "CB_CATEGORY,  Solar  ,TECHNOLOGY,G.REN.SOLAR\n");

        assertEquals("all.csv", rules.name());
        assertEquals(List.of(
                new Rule(Scheme.IPC, "H01L31/04", Dimension.TECHNOLOGY, "G.REN.SOLAR"),
                new Rule(Scheme.KEYWORD, "solar cell, thin film", Dimension.TECHNOLOGY, "G.REN.SOLAR"),
                new Rule(Scheme.HS6, "8541", Dimension.ECOSYSTEM, "ELEC"),
                new Rule(Scheme.PRODCOM8, "261122", Dimension.TECHNOLOGY, "G.REN.SOLAR"),
                new Rule(Scheme.CB_CATEGORY, "Solar", Dimension.TECHNOLOGY, "G.REN.SOLAR")), rules.rules());
        assertEquals(Map.of(Scheme.IPC, 1, Scheme.KEYWORD, 1, Scheme.HS6, 1, Scheme.PRODCOM8, 1,
                Scheme.CB_CATEGORY, 1), rules.countsByScheme());
    }

    @Test
    void acceptsEveryIpcPatternForm() {
        RuleSet rules = ConcordanceParser.parse("ipc.csv", HEADER
                + "IPC,H01L,ECOSYSTEM,ELEC\n"
                + "IPC,H01L31,ECOSYSTEM,ELEC\n"
                + "IPC,H01L31/04,ECOSYSTEM,ELEC\n"
                + "IPC,A61K 101/00,ECOSYSTEM,HEAL\n");
        assertEquals(List.of("H01L", "H01L31", "H01L31/04", "A61K101/00"),
                rules.rules().stream().map(Rule::pattern).toList());
    }

    @Test
    void toleratesByteOrderMarkBlankLinesAndCrLf() {
        RuleSet rules = ConcordanceParser.parse("crlf.csv",
                "\uFEFFscheme,pattern,dimension,code\r\n\r\nIPC,F03D,TECHNOLOGY,G.REN.WIND\r\n\r\n");
        assertEquals(1, rules.rules().size());
    }

    @Test
    void duplicateRulesAreAllowedAndCountOnce() {
        RuleSet rules = ConcordanceParser.parse("dup.csv", HEADER
                + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n"
                + "IPC,F03D ,TECHNOLOGY,G.REN.WIND\n");
        assertEquals(1, rules.rules().size());
    }

    @Test
    void theVersionIsTheShaOfTheSortedDistinctNormalisedLines() throws Exception {
        RuleSet rules = ConcordanceParser.parse("v.csv", HEADER
                + "KEYWORD,\"wind, offshore\",TECHNOLOGY,G.REN.WIND\n"
                + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n");

        String expectedInput = "IPC,F03D,TECHNOLOGY,G.REN.WIND\n" + "KEYWORD,\"wind, offshore\",TECHNOLOGY,G.REN.WIND\n";
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(expectedInput.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 12);
        assertEquals(expected, rules.version());
    }

    @Test
    void theVersionIgnoresOrderDuplicatesAndSpellingButNotContent() {
        RuleSet first = ConcordanceParser.parse("a.csv", HEADER
                + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n"
                + "PRODCOM8,26.11.22.40,TECHNOLOGY,G.REN.SOLAR\n");
        RuleSet sameRules = ConcordanceParser.parse("b.csv", HEADER
                + "PRODCOM8,26112240,TECHNOLOGY,G.REN.SOLAR\n"
                + "IPC, F03D ,TECHNOLOGY,G.REN.WIND\n"
                + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n");
        RuleSet otherRules = ConcordanceParser.parse("a.csv", HEADER
                + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n"
                + "PRODCOM8,26112240,TECHNOLOGY,G.REN.OTHER\n");

        assertEquals(first.version(), sameRules.version());
        assertNotEquals(first.version(), otherRules.version());
        assertTrue(first.version().matches("[0-9a-f]{12}"), first.version());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            IPC,H01L31/04,TECHNOLOGY,X.Y                 | unknown code X.Y
            IPC,H01L31/04,TECHNOLOGY,AGRI                | code AGRI belongs to dimension ECOSYSTEM, not TECHNOLOGY
            IPC,H01L31/04,ECOSYSTEM,G.REN                | code G.REN belongs to dimension TECHNOLOGY, not ECOSYSTEM
            IPC,H01L31/04,ecosystem,AGRI                 | unknown dimension ecosystem (expected ECOSYSTEM or TECHNOLOGY)
            CPC,Y02E10/50,TECHNOLOGY,G.REN.SOLAR         | unknown scheme CPC (expected one of IPC, KEYWORD, HS6, PRODCOM8, CB_CATEGORY)
            ipc,H01L,ECOSYSTEM,ELEC                      | unknown scheme ipc (expected one of IPC, KEYWORD, HS6, PRODCOM8, CB_CATEGORY)
            IPC,h01l31/04,ECOSYSTEM,ELEC                 | IPC pattern must be upper case: h01l31/04
            IPC,H01,ECOSYSTEM,ELEC                       | malformed IPC pattern H01 (expected a subclass like H01L, a main group like H01L31 or a group like H01L31/04)
            IPC,H1L31,ECOSYSTEM,ELEC                     | malformed IPC pattern H1L31 (expected a subclass like H01L, a main group like H01L31 or a group like H01L31/04)
            IPC,H01L031,ECOSYSTEM,ELEC                   | malformed IPC pattern H01L031 (expected a subclass like H01L, a main group like H01L31 or a group like H01L31/04)
            IPC,H01L31/,ECOSYSTEM,ELEC                   | malformed IPC pattern H01L31/ (expected a subclass like H01L, a main group like H01L31 or a group like H01L31/04)
            IPC,H01L/04,ECOSYSTEM,ELEC                   | malformed IPC pattern H01L/04 (expected a subclass like H01L, a main group like H01L31 or a group like H01L31/04)
            IPC,H01L31/0412345,ECOSYSTEM,ELEC            | malformed IPC pattern H01L31/0412345 (expected a subclass like H01L, a main group like H01L31 or a group like H01L31/04)
            IPC,Y02E,ECOSYSTEM,ELEC                      | malformed IPC pattern Y02E (expected a subclass like H01L, a main group like H01L31 or a group like H01L31/04)
            IPC,,ECOSYSTEM,ELEC                          | empty IPC pattern
            KEYWORD,Solar Cell,TECHNOLOGY,G.REN.SOLAR    | KEYWORD must be lower case: Solar Cell
            KEYWORD,énergie solaire,TECHNOLOGY,G.REN     | KEYWORD must be printable ASCII: énergie solaire
            KEYWORD,c++,ECOSYSTEM,DIGI                   | KEYWORD must start and end with a letter or digit: c++
            KEYWORD,-solar,TECHNOLOGY,G.REN.SOLAR        | KEYWORD must start and end with a letter or digit: -solar
            KEYWORD,  ,TECHNOLOGY,G.REN.SOLAR            | empty KEYWORD phrase
            HS6,85414,ECOSYSTEM,ELEC                     | OK
            HS6,8541400,ECOSYSTEM,ELEC                   | HS6 pattern must be 1 to 6 digits: 8541400
            HS6,85.41,ECOSYSTEM,ELEC                     | HS6 pattern must be 1 to 6 digits: 85.41
            HS6,,ECOSYSTEM,ELEC                          | empty HS6 pattern
            PRODCOM8, ,ECOSYSTEM,ELEC                    | empty PRODCOM8 pattern
            PRODCOM8,26.11.22.40,ECOSYSTEM,ELEC          | OK
            PRODCOM8,26.11.22.401,ECOSYSTEM,ELEC         | PRODCOM8 pattern must be 1 to 8 digits once dots are removed: 26.11.22.401
            PRODCOM8,26-11,ECOSYSTEM,ELEC                | PRODCOM8 pattern must be 1 to 8 digits once dots are removed: 26-11
            CB_CATEGORY,   ,ECOSYSTEM,ELEC               | empty CB_CATEGORY
            """)
    void refusesAMalformedRuleNamingItsLine(String line, String reason) {
        String text = HEADER + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n" + line + "\n";
        if ("OK".equals(reason)) {
            assertEquals(2, ConcordanceParser.parse("ok.csv", text).rules().size());
            return;
        }
        MalformedConcordanceException e = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("bad.csv", text));
        assertEquals(new ConcordanceProblem(3, reason.strip()), e.firstProblem());
        assertEquals("line 3: " + reason.strip(), e.getMessage());
    }

    @Test
    void refusesAWrongFieldCount() {
        MalformedConcordanceException e = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("bad.csv", HEADER + "IPC,F03D,TECHNOLOGY\n"));
        assertEquals("line 2: expected 4 fields (scheme,pattern,dimension,code), found 3", e.getMessage());
    }

    @Test
    void reportsEveryBadLineInLineOrderWithTheFirstAsMessage() {
        MalformedConcordanceException e = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("bad.csv", HEADER
                        + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n"
                        + "IPC,F03D,TECHNOLOGY\n"
                        + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n"
                        + "\n"
                        + "IPC,F03D,TECHNOLOGY,X.Y\n"
                        + "HS6,abc,ECOSYSTEM,ELEC\n"));
        assertEquals(List.of(
                new ConcordanceProblem(3, "expected 4 fields (scheme,pattern,dimension,code), found 3"),
                new ConcordanceProblem(6, "unknown code X.Y"),
                new ConcordanceProblem(7, "HS6 pattern must be 1 to 6 digits: abc")), e.problems());
        assertEquals("line 3: expected 4 fields (scheme,pattern,dimension,code), found 3 (and 2 more problems)",
                e.getMessage());
    }

    @Test
    void countsLinesOfQuotedMultiLineFields() {
        MalformedConcordanceException e = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("bad.csv", HEADER
                        + "KEYWORD,\"two\nlines\",TECHNOLOGY,G.REN\n"
                        + "IPC,F03D,TECHNOLOGY,X.Y\n"));
        assertEquals(List.of(
                new ConcordanceProblem(2, "KEYWORD must be printable ASCII: two\nlines"),
                new ConcordanceProblem(4, "unknown code X.Y")), e.problems());
    }

    @Test
    void refusesBrokenQuoting() {
        MalformedConcordanceException e = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("bad.csv", HEADER
                        + "IPC,F03D,TECHNOLOGY,G.REN.WIND\n"
                        + "KEYWORD,\"solar\"x,TECHNOLOGY,G.REN.SOLAR\n"));
        assertEquals(3, e.firstProblem().line());
        assertTrue(e.firstProblem().reason().startsWith("malformed CSV: "), e.firstProblem().reason());
    }

    @Test
    void refusesAnUnclosedQuote() {
        MalformedConcordanceException e = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("bad.csv", HEADER + "KEYWORD,\"solar,TECHNOLOGY,G.REN.SOLAR\n"));
        assertEquals(2, e.firstProblem().line(), "the line where the quote opens");
        assertTrue(e.firstProblem().reason().startsWith("malformed CSV: "), e.firstProblem().reason());
    }

    @Test
    void skipsLinesOfSpacesLikeEmptyLines() {
        RuleSet rules = ConcordanceParser.parse("spaces.csv", HEADER + "   \nIPC,F03D,TECHNOLOGY,G.REN.WIND\n \t \n");
        assertEquals(1, rules.rules().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'scheme,pattern,dimension'              | the header must be exactly scheme,pattern,dimension,code, found scheme,pattern,dimension
            'pattern,scheme,dimension,code'         | the header must be exactly scheme,pattern,dimension,code, found pattern,scheme,dimension,code
            'Scheme,Pattern,Dimension,Code'         | the header must be exactly scheme,pattern,dimension,code, found Scheme,Pattern,Dimension,Code
            'IPC,F03D,TECHNOLOGY,G.REN.WIND'        | the header must be exactly scheme,pattern,dimension,code, found IPC,F03D,TECHNOLOGY,G.REN.WIND
            """)
    void refusesAWrongHeader(String header, String reason) {
        MalformedConcordanceException e = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("bad.csv", header + "\nIPC,F03D,TECHNOLOGY,G.REN.WIND\n"));
        assertEquals(new ConcordanceProblem(1, reason), e.firstProblem());
    }

    @Test
    void refusesAnEmptyFileAndAFileWithoutRules() {
        MalformedConcordanceException empty = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("empty.csv", ""));
        assertEquals(1, empty.firstProblem().line());
        MalformedConcordanceException noRule = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("header-only.csv", HEADER));
        assertEquals("line 1: the concordance holds no rule", noRule.getMessage());
    }

    @Test
    void capsTheNumberOfProblemsReported() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 500; i++) {
            text.append("IPC,F03D,TECHNOLOGY,X.Y\n");
        }
        MalformedConcordanceException e = assertThrows(MalformedConcordanceException.class,
                () -> ConcordanceParser.parse("many.csv", text.toString()));
        assertEquals(MalformedConcordanceException.MAX_PROBLEMS, e.problems().size());
        assertEquals(2, e.firstProblem().line());
    }
}
