package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.serving.IndicatorRow;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedSet;

/**
 * The rule-set sensitivity of a member state (issue 15): per ecosystem and technology code, its
 * patent shares and EU27 rank under the rules in force and under a variant rule set, and the
 * change, for the latest year with patent data under the rules in force. Pure: the page's numbers
 * come from the rows given, so the assembly is tested without a store.
 */
public final class Sensitivity {

    static final String COUNTRY_SHARE = "patent.country_share";
    static final String WORLD_SHARE = "patent.world_share";
    static final String RANK = "patent.eu27_rank";
    /** The indicators the page reads, in force and under the variant. */
    public static final List<String> INDICATORS = List.of(COUNTRY_SHARE, WORLD_SHARE, RANK);

    private Sensitivity() {
    }

    /** The page. {@code year} empty: no patent data under the rules in force yet. */
    @TemplateData
    public record SensitivityView(String country, String countryName, String variant, String variantVersion,
            Integer year, String message, List<CodeRow> ecosystems, List<CodeRow> technologies,
            SortedSet<Integer> provisionalYears) {

        public boolean hasData() {
            return year != null;
        }

        /** Whether the year shown is provisional (PATSTAT still incomplete for it), as the fact sheet marks it. */
        public boolean provisional() {
            return year != null && provisionalYears.contains(year);
        }

        /** The latest priority year before the provisional ones: the one to ask for when the shown year is provisional. */
        public Integer latestCompleteYear() {
            return provisionalYears.isEmpty() ? null : provisionalYears.first() - 1;
        }

        /** The provisional years in words, "2019 and 2020". */
        public String provisionalYearsText() {
            List<String> years = provisionalYears.stream().map(String::valueOf).toList();
            return years.size() <= 1 ? String.join("", years)
                    : String.join(", ", years.subList(0, years.size() - 1)) + " and " + years.get(years.size() - 1);
        }

        /** The page's two tables. */
        public List<CodeGroup> groups() {
            return List.of(new CodeGroup("ecosystems", "Industrial ecosystems", ecosystems),
                    new CodeGroup("technologies", "Technologies", technologies));
        }
    }

    /** One table of the page. */
    @TemplateData
    public record CodeGroup(String id, String caption, List<CodeRow> rows) {
    }

    /**
     * One code: each figure as the page shows it (2 decimals, ranks as integers, "n/a" where a value
     * is missing) and the change, variant less in force (for a rank, a negative change is a better rank).
     */
    @TemplateData
    public record CodeRow(String code, String label, String countryShareInForce, String countryShareVariant,
            String countryShareChange, String worldShareInForce, String worldShareVariant, String worldShareChange,
            String rankInForce, String rankVariant, String rankChange) {
    }

    public static SensitivityView of(String country, String variant, String variantVersion, OptionalInt requestedYear,
            Collection<IndicatorRow> inForce, Collection<IndicatorRow> underVariant, SortedSet<Integer> provisionalYears) {
        OptionalInt year = requestedYear.isPresent() ? requestedYear
                : inForce.stream().filter(row -> row.country().equals(country)).mapToInt(IndicatorRow::year).max();
        String name = CodeLabels.countryName(country);
        if (year.isEmpty()) {
            return new SensitivityView(country, name, variant, variantVersion, null,
                    "No patent data ingested yet", List.of(), List.of(), provisionalYears);
        }
        Map<String, Double> before = values(inForce, country, year.getAsInt());
        Map<String, Double> after = values(underVariant, country, year.getAsInt());
        return new SensitivityView(country, name, variant, variantVersion, year.getAsInt(), null,
                rows(EmiCodes.ECOSYSTEMS, before, after), rows(EmiCodes.TECHNOLOGIES, before, after), provisionalYears);
    }

    private static List<CodeRow> rows(List<String> codes, Map<String, Double> before, Map<String, Double> after) {
        List<CodeRow> rows = new ArrayList<>();
        for (String code : codes) {
            Double countryBefore = before.get(key(COUNTRY_SHARE, code));
            Double countryAfter = after.get(key(COUNTRY_SHARE, code));
            Double worldBefore = before.get(key(WORLD_SHARE, code));
            Double worldAfter = after.get(key(WORLD_SHARE, code));
            Double rankBefore = before.get(key(RANK, code));
            Double rankAfter = after.get(key(RANK, code));
            rows.add(new CodeRow(code, CodeLabels.label(code),
                    decimal(countryBefore), decimal(countryAfter), change(countryBefore, countryAfter),
                    decimal(worldBefore), decimal(worldAfter), change(worldBefore, worldAfter),
                    rank(rankBefore), rank(rankAfter), rankChange(rankBefore, rankAfter)));
        }
        return rows;
    }

    private static Map<String, Double> values(Collection<IndicatorRow> rows, String country, int year) {
        Map<String, Double> values = new HashMap<>();
        for (IndicatorRow row : rows) {
            if (row.country().equals(country) && row.year() == year) {
                values.put(key(row.indicator(), row.code()), row.value());
            }
        }
        return values;
    }

    private static String key(String indicator, String code) {
        return indicator + "|" + code;
    }

    static String decimal(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String change(Double before, Double after) {
        if (before == null || after == null) {
            return "n/a";
        }
        // Compared as displayed, so that the change agrees with the two numbers beside it.
        double shown = Double.parseDouble(decimal(after)) - Double.parseDouble(decimal(before));
        return String.format(Locale.ROOT, "%+.2f", shown == 0 ? 0.0 : shown);
    }

    static String rank(Double value) {
        return value == null ? "n/a" : String.valueOf(Math.round(value));
    }

    static String rankChange(Double before, Double after) {
        if (before == null || after == null) {
            return "n/a";
        }
        long change = Math.round(after) - Math.round(before);
        return change == 0 ? "0" : String.format(Locale.ROOT, "%+d", change);
    }
}
