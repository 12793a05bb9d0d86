package eu.emistreams.bench.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.emistreams.bench.BenchException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcordanceRulesTest {

    @Test
    void normalisesEverySchemeAsTheClassifierDoes() {
        ConcordanceRules rules = ConcordanceRules.parse(String.join("\n",
                "\uFEFF scheme , pattern ,dimension,code",
                "",
                "IPC, H01L  31/04 ,TECHNOLOGY,G.REN.SOLAR",
                "KEYWORD,  wind turbine ,TECHNOLOGY, G.REN.WIND",
                "PRODCOM8,26.11.22,ECOSYSTEM,ELEC",
                "\"CB_CATEGORY\",\" Aerospace \",ECOSYSTEM,AERO"));
        assertEquals(List.of(
                new ConcordanceRules.Rule("IPC", "H01L31/04", "TECHNOLOGY", "G.REN.SOLAR"),
                new ConcordanceRules.Rule("KEYWORD", "wind turbine", "TECHNOLOGY", "G.REN.WIND"),
                new ConcordanceRules.Rule("PRODCOM8", "261122", "ECOSYSTEM", "ELEC"),
                new ConcordanceRules.Rule("CB_CATEGORY", "Aerospace", "ECOSYSTEM", "AERO")), rules.rules());
    }

    @Test
    void splitsIpcPatternsByHowTheyMatch() {
        ConcordanceRules rules = ConcordanceRules.parse(String.join("\n",
                "scheme,pattern,dimension,code",
                "IPC,B64C,ECOSYSTEM,AERO",
                "IPC,H04L9,TECHNOLOGY,D.SEC",
                "IPC,H01L31/04,TECHNOLOGY,G.REN.SOLAR"));
        assertEquals(List.of(
                new ConcordanceRules.IpcRule("B64C", null, "", "AERO"),
                new ConcordanceRules.IpcRule("H04L", "9", "", "D.SEC"),
                new ConcordanceRules.IpcRule("H01L", "31", "04", "G.REN.SOLAR")), rules.ipcRules());
        assertEquals(new ConcordanceRules.IpcRule("B64C", null, "", "AERO"), rules.firstIpcRule());
    }

    @Test
    void keywordsKnowTheirFirstWord() {
        ConcordanceRules rules = ConcordanceRules.parse("scheme,pattern,dimension,code\nKEYWORD,e-book,ECOSYSTEM,CCI\n");
        assertEquals(List.of(new ConcordanceRules.KeywordRule("e-book", "e", "CCI")), rules.keywordRules());
    }

    @Test
    void theVersionIgnoresOrderDuplicatesAndSpacingButNotRules() {
        String a = ConcordanceRules.parse("scheme,pattern,dimension,code\nIPC,G06N,TECHNOLOGY,D.AI\n"
                + "KEYWORD,drone,ECOSYSTEM,AERO\n").version();
        String b = ConcordanceRules.parse("scheme,pattern,dimension,code\nKEYWORD, drone ,ECOSYSTEM,AERO\n"
                + "IPC,G06N,TECHNOLOGY,D.AI\nIPC,G06N,TECHNOLOGY,D.AI\n").version();
        String c = ConcordanceRules.parse("scheme,pattern,dimension,code\nIPC,G06N,TECHNOLOGY,D.AI\n").version();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(12, a.length());
    }

    @Test
    void refusesWhatTheClassifierRefuses() {
        assertThrows(BenchException.class, () -> ConcordanceRules.parse("scheme,pattern,code\nIPC,G06N,D.AI\n"));
        assertThrows(BenchException.class, () -> ConcordanceRules.parse("scheme,pattern,dimension,code\nIPC,g06n,TECHNOLOGY,D.AI\n"));
        assertThrows(BenchException.class, () -> ConcordanceRules.parse("scheme,pattern,dimension,code\nIPC,G06N,ECOSYSTEM,D.AI\n"));
        assertThrows(BenchException.class, () -> ConcordanceRules.parse("scheme,pattern,dimension,code\nKEYWORD,c++,TECHNOLOGY,D.AI\n"));
        assertThrows(BenchException.class, () -> ConcordanceRules.parse("scheme,pattern,dimension,code\n"));
    }
}
