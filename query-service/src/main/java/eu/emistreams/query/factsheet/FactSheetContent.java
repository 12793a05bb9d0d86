package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The fact sheet as a document: key highlights, then the sections of the reference with their
 * texts and nine figures. Pure: the same data always gives the same document.
 */
public record FactSheetContent(FactSheetData data, List<HighlightGroup> highlights, List<Section> sections) {

    /** A numbered section of the report. */
    public record Section(String id, String title, List<Part> parts) {
    }

    /** The text that introduces a figure, and the figure. */
    public record Part(List<Sentence> text, Figure figure) {
    }

    public List<Figure> figures() {
        return sections.stream().flatMap(section -> section.parts().stream()).map(Part::figure).toList();
    }

    public static FactSheetContent of(FactSheetData data) {
        String country = data.countryName();
        String patentYear = year(data.patentYear());
        List<Section> sections = new ArrayList<>();

        sections.add(new Section("technology-development", "1. Technology development in industrial ecosystems", List.of(
                new Part(HighlightRules.ecosystemPatents(data), new Figure(1,
                        country + "'s country share and world share (expressed in terms of ranking) in patent applications"
                                + " in industrial ecosystems" + patentYear,
                        DataSource.PATENTS, patentChart(data, "Ecosystem", EmiCodes.ECOSYSTEMS), sourceLine(data, DataSource.PATENTS))),
                new Part(HighlightRules.tradeBalance(data), new Figure(2,
                        "Trade balance in relation to overall trade volume ((exp. - imp.) / (exp. + imp.) x 100) in "
                                + country + year(data.tradeYear()),
                        DataSource.TRADE, tradeChart(data), sourceLine(data, DataSource.TRADE))),
                new Part(HighlightRules.investment(data), new Figure(3,
                        "Private equity and venture capital investment into tech companies related to industrial ecosystems in "
                                + country + " (2015-2023)",
                        DataSource.INVESTMENT, investmentChart(data), sourceLine(data, DataSource.INVESTMENT))))));

        sections.add(technologySection(data, "green-transformation", "2. Green transformation", "green",
                CodeLabels.GREEN, CodeLabels.GREEN_TRENDS, CodeLabels.GREEN_PRODUCTION, 4));
        sections.add(technologySection(data, "digital-transformation", "3. Digital transformation", "digital",
                CodeLabels.DIGITAL, CodeLabels.DIGITAL_TRENDS, CodeLabels.DIGITAL_PRODUCTION, 7));
        return new FactSheetContent(data, HighlightRules.keyHighlights(data), List.copyOf(sections));
    }

    private static Section technologySection(FactSheetData data, String id, String title, String group,
            List<String> codes, List<String> trendCodes, List<String> productionCodes, int firstFigure) {
        String country = data.countryName();
        Optional<ChartSpec> trends = trendChart(data.worldShareSeries(), trendCodes, "Share of world patent applications (%)",
                data.patentCaveats().provisionalYears(), data.benchmarks().peerWorldShares(), country);
        // The peers report no Prodcom production: the production trends have no peer lines.
        Optional<ChartSpec> production = trendChart(data.productionShareSeries(), productionCodes,
                "Share of the country's production (%)", null, java.util.Map.of(), country);
        return new Section(id, title, List.of(
                new Part(HighlightRules.technologyPatents(data, codes, group), new Figure(firstFigure,
                        "Country share and world share (expressed in terms of ranking) in " + group
                                + " technology related patent applications of " + country + year(data.patentYear()),
                        DataSource.PATENTS, patentChart(data, "Technology", codes), sourceLine(data, DataSource.PATENTS))),
                new Part(HighlightRules.worldShareTrends(data, trendCodes, group), new Figure(firstFigure + 1,
                        "Trends over time in " + country + "'s share of world patent applications in " + group
                                + " technologies" + peersPhrase(trends) + span(trends),
                        DataSource.PATENTS, trends, sourceLine(data, DataSource.PATENTS))),
                new Part(HighlightRules.productionShares(data, productionCodes, group), new Figure(firstFigure + 2,
                        "Production of " + group + " technology-based products in " + country
                                + " as a share of its total production" + span(production),
                        DataSource.PRODUCTION, production, sourceLine(data, DataSource.PRODUCTION)))));
    }

    private static Optional<ChartSpec> patentChart(FactSheetData data, String fieldHeader, List<String> codes) {
        if (!data.hasData(DataSource.PATENTS)) {
            return Optional.empty();
        }
        java.util.SortedSet<Integer> provisional = new TreeSet<>();
        if (data.patentCaveats().isProvisional(data.patentYear())) {
            provisional.add(data.patentYear().getAsInt());
        }
        return Optional.of(new ChartSpec.ShareAndRank(fieldHeader, codes, data.countryShares(), data.worldShares(),
                data.eu27Ranks(), data.benchmarks().eu27CountryShares(), provisional));
    }

    private static Optional<ChartSpec> tradeChart(FactSheetData data) {
        if (!data.hasData(DataSource.TRADE)) {
            return Optional.empty();
        }
        return Optional.of(ChartSpec.Bars.ofCodes("Ecosystem", "Trade balance (%)",
                "Trade balance: (exports - imports) / (exports + imports) x 100", EmiCodes.ECOSYSTEMS,
                data.tradeBalances(), true, ChartSpec.ValueFormat.PERCENT));
    }

    private static Optional<ChartSpec> investmentChart(FactSheetData data) {
        if (!data.hasData(DataSource.INVESTMENT)) {
            return Optional.empty();
        }
        return Optional.of(ChartSpec.Bars.ofCodes("Ecosystem", "PE/VC investment 2015-2023 (USD million)",
                "PE/VC investment 2015-2023 (USD million)", EmiCodes.ECOSYSTEMS, data.investmentUsd(), false,
                ChartSpec.ValueFormat.MILLIONS));
    }

    private static Optional<ChartSpec> trendChart(java.util.Map<String, SortedMap<Integer, Double>> series,
            List<String> codes, String axisLabel, java.util.SortedSet<Integer> provisionalYears,
            java.util.Map<String, java.util.Map<String, SortedMap<Integer, Double>>> peerSeries, String country) {
        ChartSpec.Trends trends = new ChartSpec.Trends("Technology", axisLabel, codes, series, provisionalYears, peerSeries,
                country);
        return trends.isEmpty() ? Optional.empty() : Optional.of(trends);
    }

    /**
     * "Source: EMI Streams based on PATSTAT, release 2024-spring; concordance default-1." — the
     * releases and concordances named by the provenance of the values.
     */
    static String sourceLine(FactSheetData data, DataSource source) {
        return sourceLine(source, data.provenanceOf(source));
    }

    static String sourceLine(DataSource source, SourceReleases releases) {
        StringBuilder line = new StringBuilder("Source: EMI Streams based on ").append(source.displayName());
        if (!releases.releases().isEmpty()) {
            line.append(releases.releases().size() == 1 ? ", release " : ", releases ")
                    .append(Numbers.joinNames(List.copyOf(releases.releases())));
        }
        if (!releases.concordanceVersions().isEmpty()) {
            line.append(releases.concordanceVersions().size() == 1 ? "; concordance " : "; concordances ")
                    .append(Numbers.joinNames(List.copyOf(releases.concordanceVersions())));
        }
        return line.append('.').toString();
    }

    private static String year(OptionalInt year) {
        return year.isPresent() ? " (" + year.getAsInt() + ")" : "";
    }

    /** ", beside the United States, China, Japan and South Korea" when the chart draws peer lines. */
    private static String peersPhrase(Optional<ChartSpec> chart) {
        if (chart.isEmpty() || !(chart.get() instanceof ChartSpec.Trends trends) || !trends.hasPeers()) {
            return "";
        }
        return ", beside " + Numbers.joinNames(trends.peers().stream()
                .map(peer -> peer.equals("US") ? "the United States" : CodeLabels.countryName(peer)).toList());
    }

    private static String span(Optional<ChartSpec> chart) {
        if (chart.isEmpty() || !(chart.get() instanceof ChartSpec.Trends trends)) {
            return "";
        }
        TreeSet<Integer> years = new TreeSet<>(trends.years());
        return years.size() == 1 ? " (" + years.first() + ")" : " (" + years.first() + "-" + years.last() + ")";
    }
}
