package eu.emistreams.query.status;

import static eu.emistreams.query.testing.Records.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceAccountingTest {

    @Test
    void theCountsAreThoseOfTheReleaseIngestedLastAndEveryReleaseIsListedOldestFirst() {
        Map<String, SourceAccounting> sources = SourceAccounting.bySource(List.of(
                report("patstat", "2024-spring", "COMPLETED", 2_000, 100, 70, 20, 6, 4),
                report("comtrade", "2023", "FAILED", 500, 3, 0, 0, 0, 3),
                report("patstat", "2023-autumn", "COMPLETED", 1_000, 90, 60, 20, 5, 5),
                report("patstat", "2025-spring", "RUNNING", 3_000, 10, 9, 1, 0, 0)));

        assertEquals(List.of("comtrade", "patstat"), List.copyOf(sources.keySet()));
        SourceAccounting patstat = sources.get("patstat");
        assertEquals("2025-spring", patstat.release());
        assertEquals("RUNNING", patstat.status());
        assertEquals(10, patstat.read());
        assertEquals(9, patstat.published());
        assertEquals(List.of("2023-autumn", "2024-spring", "2025-spring"),
                patstat.releases().stream().map(ReleaseAccounting::release).toList());

        ReleaseAccounting spring = patstat.releases().get(1);
        assertEquals(100, spring.read());
        assertEquals(spring.read(), spring.published() + spring.ignored() + spring.quality() + spring.rejected());
        assertEquals(Map.of("ignored.non_transnational", 20L), spring.details());
        assertEquals(3_000L, spring.finishedAt());

        assertEquals("FAILED", sources.get("comtrade").status());
        assertEquals(3, sources.get("comtrade").rejected());
    }

    @Test
    void releasesStartedInTheSameMillisecondAreOrderedByName() {
        SourceAccounting accounting = SourceAccounting.bySource(List.of(
                report("prodcom", "b", "COMPLETED", 5, 1, 1, 0, 0, 0),
                report("prodcom", "a", "COMPLETED", 5, 2, 2, 0, 0, 0))).get("prodcom");
        assertEquals("b", accounting.release());
        assertEquals(1, accounting.read());
    }
}
