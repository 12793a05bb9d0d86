package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: no trend or rank conclusion from a provisional year or from a base below the minimum
 * count, and charts that mark provisional years. The same rows without caveats show what would be said.
 */
class ProvisionalHighlightsTest {

    private static final SortedSet<Integer> PROVISIONAL = new TreeSet<>(Set.of(2021, 2022));
    private static final double MIN_BASE = 5;

    /**
     * Patents 2016-2022. Agri-Food: flat at 2% with 40 applications a year until 2020, then a jump to 4%
     * and 5% in the provisional years. Textile: 0 applications in 2016 (0%), a fraction of one in 2017,
     * then 1% from 10 applications. Health: from 1% to 2% on a base of 20, a real rise. EU27 ranks: 8th
     * in Agri-Food in 2020, 1st in the provisional 2022.
     */
    private static List<IndicatorRowWithProvenance> rows() {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>();
        for (int year = 2016; year <= 2022; year++) {
            double agri = year == 2022 ? 5.0 : year == 2021 ? 4.0 : 2.0;
            rows.add(FactSheetFixture.row(FactSheetAssembler.WORLD_SHARE, "AGRI", year, agri));
            rows.add(FactSheetFixture.row(FactSheetAssembler.PATENT_COUNT, "AGRI", year, 40));
            double text = year == 2016 ? 0 : year == 2017 ? 0.3 : 1.0;
            rows.add(FactSheetFixture.row(FactSheetAssembler.WORLD_SHARE, "TEXT", year, text));
            rows.add(FactSheetFixture.row(FactSheetAssembler.PATENT_COUNT, "TEXT", year, year == 2016 ? 0 : year == 2017 ? 0.5 : 10));
            rows.add(FactSheetFixture.row(FactSheetAssembler.WORLD_SHARE, "HEAL", year, 1.0 + (year - 2016) / 4.0));
            rows.add(FactSheetFixture.row(FactSheetAssembler.PATENT_COUNT, "HEAL", year, 20));
            // A green technology rising through the provisional years, for Figure 5.
            rows.add(FactSheetFixture.row(FactSheetAssembler.WORLD_SHARE, "G.REN.SOLAR", year, year == 2022 ? 4.0 : year == 2021 ? 3.0 : 1.0));
            rows.add(FactSheetFixture.row(FactSheetAssembler.PATENT_COUNT, "G.REN.SOLAR", year, 30));
            for (String code : List.of("AGRI", "TEXT", "HEAL", "G.REN.SOLAR")) {
                rows.add(FactSheetFixture.row(FactSheetAssembler.COUNTRY_SHARE, code, year, 10));
                int rank = code.equals("AGRI") ? (year == 2022 ? 1 : 8) : (year == 2022 ? 2 : 12);
                rows.add(FactSheetFixture.row(FactSheetAssembler.EU27_RANK, code, year, rank));
            }
        }
        return rows;
    }

    private static FactSheetData withCaveats() {
        return FactSheetAssembler.assemble("BE", rows(), PROVISIONAL, MIN_BASE);
    }

    private static String allText(List<Sentence> sentences) {
        return String.join(" ", sentences.stream().map(Sentence::text).toList());
    }

    private static String everySentence(FactSheetData data) {
        FactSheetContent content = FactSheetContent.of(data);
        StringBuilder text = new StringBuilder();
        content.highlights().forEach(group -> text.append(allText(group.sentences())).append(' '));
        content.sections().forEach(section -> section.parts().forEach(part -> text.append(allText(part.text())).append(' ')));
        return text.toString();
    }

    @Test
    void withoutCaveatsTheRulesWouldConcludeFromProvisionalYearsAndFromZero() {
        String text = everySentence(FactSheetAssembler.assemble("BE", rows()));
        assertTrue(text.contains("rose from 0% in 2016"), text);
        assertTrue(text.contains("Agri-Food (1st)"), text);
        assertTrue(text.contains("From 2021 to 2022 its share rose in Solar Power"), text);
    }

    @Test
    void noTrendEndsOrStartsInAProvisionalYear() {
        FactSheetData data = withCaveats();
        List<Sentence> changes = HighlightRules.largestChanges(data, EmiCodes.ECOSYSTEMS);
        String text = allText(changes);
        assertFalse(text.contains("2021"), text);
        assertFalse(text.contains("2022"), text);
        // Agri-Food's jump is all in the provisional years: over 2016-2020 it is flat, Health rose most.
        assertEquals("Its share of worldwide patent applications in Health rose from 1.00% in 2016 to 2.00% in 2020.",
                changes.get(0).text());
        String every = everySentence(data);
        assertFalse(every.contains("2021 to 2022"), every);
        assertFalse(every.contains("2020 to 2021"), every);
        assertFalse(every.contains("and 2022"), every);
        assertFalse(every.contains("and 2021"), every);
    }

    @Test
    void noTrendFromABaseBelowTheMinimumCount() {
        FactSheetData data = withCaveats();
        String text = everySentence(data);
        assertFalse(text.contains("from 0%"), text);
        assertFalse(text.contains("from 0.00%"), text);
        assertFalse(text.contains("Textile rose"), text);
        assertTrue(HighlightRules.patentTrends(data, List.of("TEXT")).isEmpty(), "Textile starts from 0 applications");
        // The same series with a base of 0.5 application passes when the minimum is 0.
        FactSheetData noMinimum = FactSheetAssembler.assemble("BE", rows(), PROVISIONAL, 0);
        assertEquals(1, HighlightRules.patentTrends(noMinimum, List.of("TEXT")).size());
    }

    @Test
    void ranksAreStatedForTheLatestYearThatIsNotProvisional() {
        FactSheetData data = withCaveats();
        String best = HighlightRules.bestRanks(data, EmiCodes.ECOSYSTEMS).orElseThrow().text();
        assertEquals("Among EU27 countries, Belgium's best ranks by share of worldwide patent applications in 2020 are in "
                + "Agri-Food (8th) and in Health and Textile (12th each).", best);
        String text = everySentence(data);
        assertFalse(text.contains("(1st)"), text);
        assertTrue(text.contains("in 2020, as 2022 is provisional."), text);
        // The latest rises compare the last two years that are not provisional.
        assertEquals("From 2019 to 2020 its share rose in Health.",
                HighlightRules.latestRises(data, List.of("AGRI", "HEAL", "TEXT")).orElseThrow().text());
    }

    @Test
    void chartsMarkProvisionalYears() {
        FactSheetContent content = FactSheetContent.of(withCaveats());
        Figure figure1 = content.figures().get(0);
        ChartSpec.ShareAndRank bars = (ChartSpec.ShareAndRank) figure1.chart().orElseThrow();
        assertTrue(bars.provisional());
        assertTrue(bars.provisionalNote().startsWith("Provisional: 2022 ("), bars.provisionalNote());
        String barSvg = FigureRenderer.svg(bars, "t1-");
        assertTrue(barSvg.contains("2022 provisional"), "legend names the provisional year");
        assertTrue(barSvg.contains("stroke-dasharray"), "dashed outline");

        Figure figure5 = content.figures().stream().filter(f -> f.number() == 5).findFirst().orElseThrow();
        ChartSpec.Trends trends = (ChartSpec.Trends) figure5.chart().orElseThrow();
        assertEquals(PROVISIONAL, trends.provisionalYears());
        String lineSvg = FigureRenderer.svg(trends, "t5-");
        assertTrue(lineSvg.contains("stroke-dasharray"), "dashed segments");
        assertTrue(lineSvg.contains("Dashed: provisional (2021 and 2022)"));
        assertTrue(trends.provisionalNote().contains("2021 and 2022"));

        // Production trends are not patents: nothing provisional.
        Figure figure6 = content.figures().stream().filter(f -> f.number() == 6).findFirst().orElseThrow();
        assertTrue(figure6.chart().isEmpty() || figure6.chart().get().provisionalYears().isEmpty());
    }

    @Test
    void withoutProvisionalYearsNothingIsMarked() {
        FactSheetContent content = FactSheetContent.of(FactSheetAssembler.assemble("BE", rows(), new TreeSet<>(), MIN_BASE));
        content.figures().forEach(figure -> figure.chart().ifPresent(chart -> assertEquals("", chart.provisionalNote())));
        assertFalse(FigureRenderer.svg(content.figures().get(0).chart().orElseThrow(), "n-").contains("provisional"));
    }
}
