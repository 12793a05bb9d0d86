package eu.emistreams.ingest.patstat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IpcSymbolsTest {

    @Test
    void removesAllWhitespaceAsTheConcordanceExpects() {
        assertEquals("H01L21/677", IpcSymbols.normalise("H01L  21/677"));
        assertEquals("A61K9/00", IpcSymbols.normalise("A61K   9/00"));
        assertEquals("C07D401/04", IpcSymbols.normalise(" C07D 401/04\t"));
        assertEquals("G06N3/08", IpcSymbols.normalise("G06N\u00A0 3/08"));
        assertEquals("", IpcSymbols.normalise("   "));
    }

    @Test
    void anApplicationsSymbolsAreDistinctAndSorted() {
        assertEquals(List.of("A61K9/00", "H01L21/677", "H01L31/04"),
                IpcSymbols.sortedDistinct(Stream.of("H01L  31/04", "A61K   9/00", "H01L  21/677", "H01L 31/04", " ")
                        .map(IpcSymbols::normalise).toList()));
    }
}
