package eu.emistreams.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConcordanceRulesTest {

    @Test
    void subclassPatternTakesTheWholeSubclass() {
        assertTrue(ConcordanceRules.ipcMatches("H01L", "H01L21/677"));
        assertTrue(ConcordanceRules.ipcMatches("H01L", "H01L310/00"));
        assertFalse(ConcordanceRules.ipcMatches("H01L", "H01M10/052"));
    }

    @Test
    void mainGroupPatternTakesExactlyThatMainGroup() {
        assertTrue(ConcordanceRules.ipcMatches("H01L31", "H01L31/04"));
        assertTrue(ConcordanceRules.ipcMatches("H01L31", "H01L31/18"));
        assertFalse(ConcordanceRules.ipcMatches("H01L31", "H01L310/00"));
        assertFalse(ConcordanceRules.ipcMatches("H01L31", "H01L3/00"));
        assertFalse(ConcordanceRules.ipcMatches("H01L31", "H02S31/04"));
    }

    @Test
    void groupPatternTakesSubgroupsWhoseDigitsStartWithIt() {
        for (String symbol : List.of("H01L31/04", "H01L31/042", "H01L31/0445")) {
            assertTrue(ConcordanceRules.ipcMatches("H01L31/04", symbol), symbol);
        }
        assertFalse(ConcordanceRules.ipcMatches("H01L31/04", "H01L31/05"));
        assertFalse(ConcordanceRules.ipcMatches("H01L31/04", "H01L310/04"));
        assertFalse(ConcordanceRules.ipcMatches("H01L31/04", "H01L3/04"));
    }

    @Test
    void keywordNeedsAWordBoundaryOnBothSidesInLowerCasedText() {
        assertTrue(ConcordanceRules.keywordMatches("solar cell", "A Solar Cell, bifacial"));
        assertTrue(ConcordanceRules.keywordMatches("3d printing", "Method for 3D printing."));
        assertFalse(ConcordanceRules.keywordMatches("robot", "Robots for welding"));
        assertFalse(ConcordanceRules.keywordMatches("wind", "Windmill"));
        assertFalse(ConcordanceRules.keywordMatches("machine learning", "machine\nlearning"));
        assertFalse(ConcordanceRules.keywordMatches("robot", "robotéquipe"), "an accented letter is a letter");
        assertTrue(ConcordanceRules.keywordMatches("robot", "«robot»"));
    }

    @Test
    void titleAndAbstractAreMatchedSeparatelyAndChildCodesBringTheirParent() {
        ConcordanceRules rules = ConcordanceRules.parse(TinyRelease.CONCORDANCE);
        assertEquals(Set.of(), rules.tag(List.of(), List.of("a machine", "learning system")));
        assertEquals(Set.of("D.AMR", "D.AMR.ROB"), rules.tag(List.of(), List.of("robot arm")));
        assertEquals(Set.of("ELEC", "REN", "G.REN", "G.REN.SOLAR"), rules.tag(List.of("H01L31/042"), List.of()));
        assertEquals(Set.of("ELEC"), rules.tag(List.of("H01L310/00", "G06N3/08"), List.of()));
    }

    @Test
    void refusesAnotherHeaderOrAnUnknownCode() {
        assertThrows(IllegalArgumentException.class, () -> ConcordanceRules.parse("scheme,pattern,code\nIPC,H01L,ELEC\n"));
        assertThrows(IllegalArgumentException.class,
                () -> ConcordanceRules.parse("scheme,pattern,dimension,code\nIPC,H01L,TECHNOLOGY,G.NOPE\n"));
    }
}
