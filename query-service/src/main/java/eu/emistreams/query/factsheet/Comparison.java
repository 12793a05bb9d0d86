package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.serving.IndicatorCatalog;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/** One indicator for one code and year across the EU27 member states, as a ranked bar chart and a table. */
public final class Comparison {

    public static final String DEFAULT_INDICATOR = "patent.world_share";
    public static final String DEFAULT_CODE = "AGRI";

    /** The year under which investment indicators hold their 2015-2023 total. */
    private static final int TOTAL_YEAR = FactSheetAssembler.INVESTMENT_TOTAL_YEAR;

    private Comparison() {
    }

    /** A choice of the page's form. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {
    }

    @TemplateData
    public record ComparisonView(String title, List<Option> indicators, List<Option> codes, List<Option> years,
            boolean hasChart, RawString svg, DataTable table, String sourceLine, String message) {
    }

    /**
     * @param rows the indicator's values for the code, every EU27 member state and every year
     * @param requestedYear the year asked for; the latest with data when empty
     */
    public static ComparisonView view(String indicator, String code, OptionalInt requestedYear,
            List<IndicatorRowWithProvenance> rows) {
        SortedSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        rows.forEach(row -> years.add(row.year()));
        Integer year = requestedYear.isPresent() ? Integer.valueOf(requestedYear.getAsInt())
                : years.isEmpty() ? null : years.first();

        Map<String, Double> values = new HashMap<>();
        SortedSet<String> releases = new TreeSet<>();
        SortedSet<String> concordances = new TreeSet<>();
        DataSource source = DataSource.of(indicator);
        for (IndicatorRowWithProvenance row : rows) {
            if (year != null && row.year() == year && EmiCodes.isEu27(row.country())) {
                values.put(row.country(), row.value());
                String release = row.releases().get(source.provenanceName());
                if (release != null && !release.isBlank()) {
                    releases.add(release);
                }
                if (!row.concordanceVersion().isBlank()) {
                    concordances.add(row.concordanceVersion());
                }
            }
        }
        // Best first: the highest value, or the lowest rank.
        Comparator<String> byValue = Comparator.comparingDouble(values::get);
        List<String> countries = values.keySet().stream()
                .sorted((indicator.endsWith("eu27_rank") ? byValue : byValue.reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<String, String> names = new HashMap<>();
        countries.forEach(country -> names.put(country, CodeLabels.countryName(country)));

        String yearText = year == null ? "" : year == TOTAL_YEAR ? " (2015-2023 total)" : " (" + year + ")";
        String title = unit(indicator).label() + ": " + CodeLabels.label(code) + ", EU27 member states" + yearText;
        ChartSpec.Bars bars = new ChartSpec.Bars("Member state", unit(indicator).label(), unit(indicator).label(),
                countries, names, values, indicator.equals("trade.balance"), unit(indicator).format());

        List<Option> yearOptions = new ArrayList<>();
        years.forEach(y -> yearOptions.add(new Option(String.valueOf(y), y == TOTAL_YEAR ? "2015-2023 total" : String.valueOf(y),
                y.equals(year))));
        String message = years.isEmpty() ? "No values of " + indicator + " for " + CodeLabels.label(code) + " yet"
                : values.isEmpty() ? "No values of " + indicator + " for " + CodeLabels.label(code) + " in " + year : "";
        return new ComparisonView(title, indicatorOptions(indicator), codeOptions(code), yearOptions, !bars.isEmpty(),
                new RawString(bars.isEmpty() ? "" : FigureRenderer.svg(bars, "cmp-")), bars.table(),
                FactSheetContent.sourceLine(source, new SourceReleases(releases, concordances)), message);
    }

    private static List<Option> indicatorOptions(String selected) {
        return new TreeSet<>(IndicatorCatalog.INDICATORS).stream()
                .map(indicator -> new Option(indicator, indicator + " - " + unit(indicator).label(), indicator.equals(selected)))
                .toList();
    }

    private static List<Option> codeOptions(String selected) {
        return EmiCodes.ALL.stream()
                .map(code -> new Option(code, code + " - " + CodeLabels.label(code), code.equals(selected)))
                .toList();
    }

    /** How an indicator is labelled and written. */
    record Unit(String label, ChartSpec.ValueFormat format) {
    }

    static Unit unit(String indicator) {
        return switch (indicator) {
            case "patent.count" -> new Unit("Patent applications (fractional count)", ChartSpec.ValueFormat.DECIMAL);
            case "patent.country_share" -> new Unit("Share of the country's patent applications (%)", ChartSpec.ValueFormat.PERCENT);
            case "patent.world_share" -> new Unit("Share of world patent applications (%)", ChartSpec.ValueFormat.PERCENT);
            case "patent.eu27_rank" -> new Unit("EU27 rank by world share of patent applications", ChartSpec.ValueFormat.INTEGER);
            case "trade.exports" -> new Unit("Exports (USD million)", ChartSpec.ValueFormat.MILLIONS);
            case "trade.imports" -> new Unit("Imports (USD million)", ChartSpec.ValueFormat.MILLIONS);
            case "trade.balance" -> new Unit("Trade balance (% of exports + imports)", ChartSpec.ValueFormat.PERCENT);
            case "trade.eu27_rank" -> new Unit("EU27 rank by trade balance", ChartSpec.ValueFormat.INTEGER);
            case "production.value" -> new Unit("Production value (EUR million)", ChartSpec.ValueFormat.MILLIONS);
            case "production.tech_share" -> new Unit("Share of the country's production (%)", ChartSpec.ValueFormat.PERCENT);
            case "production.eu_share" -> new Unit("Share of EU27 production (%)", ChartSpec.ValueFormat.PERCENT);
            case "investment.pe_vc_usd" -> new Unit("PE/VC investment (USD million)", ChartSpec.ValueFormat.MILLIONS);
            case "investment.rounds" -> new Unit("PE/VC funding rounds", ChartSpec.ValueFormat.INTEGER);
            default -> throw new IllegalArgumentException("no unit for " + indicator);
        };
    }
}
