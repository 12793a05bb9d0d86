package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule on the hand-made Belgium of {@link FactSheetFixture}, whose answers are worked out by hand. */
class HighlightRulesTest {

    private final FactSheetData belgium = FactSheetFixture.belgiumData();

    private static String text(Optional<Sentence> sentence) {
        return sentence.orElseThrow().text();
    }

    private static List<String> texts(List<Sentence> sentences) {
        return sentences.stream().map(Sentence::text).toList();
    }

    @Test
    void topRanksNameTheTwoBestRanksWithEveryTie() {
        Sentence sentence = HighlightRules.bestRanks(belgium, EmiCodes.ECOSYSTEMS).orElseThrow();
        assertEquals("Among EU27 countries, Belgium's best ranks by share of worldwide patent applications in 2020 are in "
                + "Agri-Food (6th) and in Construction, Health and Textile (7th each).", sentence.text());
        assertEquals(List.of("Agri-Food", "Construction", "Health", "Textile"), sentence.strongTexts());
    }

    @Test
    void risingAndFallingTrendsNameTheLargestChangeWithItsValues() {
        assertEquals(List.of(
                "Its share of worldwide patent applications in Agri-Food rose from 2.00% in 2010 to 3.00% in 2020.",
                "Its share in Textile fell from 4.00% in 2010 to 2.00% in 2020."),
                texts(HighlightRules.largestChanges(belgium, EmiCodes.ECOSYSTEMS)));
    }

    @Test
    void leadingRanksAreTheTopFiveOrElseTheBestRank() {
        assertEquals("Belgium is among the five leading EU27 countries in generating green technologies in "
                + "Biotechnology (4th) and Advanced Materials and Nanotechnology (5th), by its share of worldwide "
                + "patent applications in 2020.", text(HighlightRules.leadingRanks(belgium, CodeLabels.GREEN, "green")));
        assertEquals("Belgium's best EU27 rank in digital technologies is 6th, in Micro- and Nanoelectronics (2020).",
                text(HighlightRules.leadingRanks(belgium, CodeLabels.DIGITAL, "digital")));
    }

    @Test
    void trendSummarySeparatesRisingFallingAndStableFields() {
        Sentence digital = HighlightRules.trendSummary(belgium, CodeLabels.DIGITAL_TRENDS, "digital").orElseThrow();
        assertEquals("Belgium's share of world patent applications in digital technologies rose in Advanced "
                + "Manufacturing & Robotics, and fell in Artificial Intelligence and Big Data, between 2010 and 2020.",
                digital.text());
        // The strengthened fields are set in bold, as in the reference.
        assertEquals(List.of("Advanced Manufacturing & Robotics"), digital.strongTexts());
        assertEquals("Belgium's share of world patent applications in green technologies has remained broadly stable "
                + "between 2010 and 2020: every field stayed within 10% of its first value.",
                text(HighlightRules.trendSummary(belgium, CodeLabels.GREEN_TRENDS, "green")));
    }

    @Test
    void latestRisesCompareTheLastTwoYearsAsDisplayed() {
        // Advanced Materials goes from 2.09 to 2.1; Biotechnology from 2.82 to 2.8 does not rise.
        assertEquals("From 2019 to 2020 its share rose in Advanced Materials and Nanotechnology, Solar Power and Wind Power.",
                text(HighlightRules.latestRises(belgium, CodeLabels.GREEN_TRENDS)));
    }

    @Test
    void highestAndLowestProductionSharesOfTheLatestYear() {
        assertEquals("Belgium's share of production in digital technologies is highest in Micro- and Nanoelectronics "
                + "& Photonics (5.00% of its production in 2021) and lowest in Digital Security & Networks (0.20%).",
                text(HighlightRules.productionExtremes(belgium, CodeLabels.DIGITAL_PRODUCTION, "digital")));
        assertEquals("Belgium's share of production in green technologies is highest in Energy Saving Technologies "
                + "(2.90% of its production in 2021) and lowest in Renewable Energy Technologies (1.00%).",
                text(HighlightRules.productionExtremes(belgium, CodeLabels.GREEN_PRODUCTION, "green")));
    }

    @Test
    void productionTrendsNameExpansionsAndReductions() {
        assertEquals("Belgium expanded its share of production in green technologies in Biotechnology between 2010 "
                + "and 2021, and reduced it in Advanced Materials and Nanotechnology and Renewable Energy Technologies.",
                text(HighlightRules.productionTrends(belgium, CodeLabels.GREEN_PRODUCTION, "green")));
    }

    @Test
    void sectionTextsOfTheEcosystemFigures() {
        assertEquals(List.of(
                "Regarding technology development, Belgium had the highest country share of its patent applications in "
                        + "Agri-Food (30.0%), Health (25.0%) and Electronics (12.0%) in 2020.",
                "In a global comparison, it ranked 6th in Agri-Food, and 7th in Construction, Health and Textile "
                        + "within the EU27 countries."),
                texts(HighlightRules.ecosystemPatents(belgium)));
        assertEquals(List.of(
                "Belgium registered a trade surplus in technology-based products related to Agri-Food, Energy Intensive "
                        + "Industries and Health in 2020.",
                "Its largest deficit in relation to its trade volume was in Mobility – Transport – Automotive (-40.0%)."),
                texts(HighlightRules.tradeBalance(belgium)));
        assertEquals(List.of("Most private equity and venture capital investment into tech companies in Belgium over "
                        + "2015-2023 went to Health (USD 500.0 million), followed by Agri-Food (USD 120.0 million) and "
                        + "Aerospace & Defence (USD 80.0 million)."),
                texts(HighlightRules.investment(belgium)));
    }

    @Test
    void sectionTextsOfTheTechnologyFigures() {
        assertEquals(List.of(
                "Among the green technologies, Belgium had the highest share of its own patent applications in "
                        + "Advanced Materials and Nanotechnology (9.00%) in 2020.",
                "Belgium ranked 4th in Biotechnology, and 5th in Advanced Materials and Nanotechnology among the EU27 "
                        + "Member States regarding its world share of patent applications."),
                texts(HighlightRules.technologyPatents(belgium, CodeLabels.GREEN, "green")));
    }

    @Test
    void keyHighlightsFollowTheReferenceHeadings() {
        List<HighlightGroup> groups = HighlightRules.keyHighlights(belgium);
        assertEquals(List.of("Technological performance in industrial ecosystems", "Digital and green transition technologies",
                "Capacity to produce goods based on digital and green technologies"),
                groups.stream().map(HighlightGroup::heading).toList());
        assertEquals(3, groups.get(0).sentences().size());
        assertEquals(4, groups.get(1).sentences().size());
        assertEquals(3, groups.get(2).sentences().size());
    }

    @Test
    void withoutDataTheHighlightsSaySoAndTheSectionsStaySilent() {
        FactSheetData empty = FactSheetAssembler.assemble("BE", List.of());
        List<HighlightGroup> groups = HighlightRules.keyHighlights(empty);
        assertEquals(List.of("No PATSTAT data ingested yet."), texts(groups.get(0).sentences()));
        assertEquals(List.of("No Eurostat Prodcom data ingested yet."), texts(groups.get(2).sentences()));
        assertEquals(List.of(), HighlightRules.ecosystemPatents(empty));
        assertEquals(List.of(), HighlightRules.tradeBalance(empty));
        assertEquals(List.of(), HighlightRules.investment(empty));
    }

    @Test
    void aTradeDeficitEverywhereNamesTheSmallestOne() {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>();
        rows.add(FactSheetFixture.row(FactSheetAssembler.TRADE_BALANCE, "AGRI", 2021, -5.0));
        rows.add(FactSheetFixture.row(FactSheetAssembler.TRADE_BALANCE, "MOB", 2021, -30.0));
        assertEquals(List.of("Belgium registered no trade surplus in technology-based products in 2021; its deficit in "
                        + "relation to its trade volume was smallest in Agri-Food (-5.00%)."),
                texts(HighlightRules.tradeBalance(FactSheetAssembler.assemble("BE", rows))));
    }

    @Test
    void longListsOfSurplusesAreCut() {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>();
        double balance = 60;
        for (String code : List.of("AERO", "AGRI", "CONS", "CCI", "DIGI", "ELEC")) {
            rows.add(FactSheetFixture.row(FactSheetAssembler.TRADE_BALANCE, code, 2021, balance));
            balance -= 10;
        }
        Sentence sentence = HighlightRules.tradeBalance(FactSheetAssembler.assemble("BE", rows)).get(0);
        assertEquals("Belgium registered a trade surplus in technology-based products related to Aerospace & Defence, "
                + "Agri-Food, Construction, Cultural & Creative Industries and 2 other ecosystems in 2021.", sentence.text());
        assertEquals(4, sentence.strongTexts().size());
    }

    @Test
    void everySentenceOfTheFixtureIsWordedOnce() {
        // The same fact is never stated twice in the key highlights.
        List<String> all = HighlightRules.keyHighlights(belgium).stream()
                .flatMap(group -> group.sentences().stream()).map(Sentence::text).toList();
        assertEquals(all.size(), all.stream().distinct().count());
        assertTrue(all.stream().allMatch(text -> text.endsWith(".")), all.toString());
    }
}
