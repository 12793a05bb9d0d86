package eu.emistreams.query.factsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a figure draws, independent of how: {@link FigureRenderer} draws it, {@link #table()} lists
 * the same numbers, so the chart and its table cannot disagree.
 */
public sealed interface ChartSpec {

    /** The numbers of the chart, one row per code. */
    DataTable table();

    /** Whether there is anything to draw. */
    boolean isEmpty();

    /**
     * The years this chart marks as provisional (issue 15): patent priority years whose applications
     * are not all published yet. Empty for most charts.
     */
    default SortedSet<Integer> provisionalYears() {
        return new TreeSet<>();
    }

    /** The note under the chart naming its provisional years; empty when it has none. */
    default String provisionalNote() {
        SortedSet<Integer> years = provisionalYears();
        if (years.isEmpty()) {
            return "";
        }
        return (years.size() == 1 ? "Provisional: " + years.first() + " (" : "Provisional: "
                + Numbers.joinNames(years.stream().map(String::valueOf).toList()) + " (")
                + "lighter, hatched bars or dashed lines). PATSTAT publishes patent applications about 18 months after"
                + " their priority date, so the latest priority years are incomplete in every release.";
    }

    /**
     * Country share per code as bars, and the EU27 rank by world share as markers on a second axis
     * (Figures 1, 4 and 7).
     */
    record ShareAndRank(String fieldHeader, List<String> codes, Map<String, Double> countryShares,
            Map<String, Double> worldShares, Map<String, Integer> ranks, SortedSet<Integer> provisionalYears)
            implements ChartSpec {

        public ShareAndRank {
            codes = codes.stream().filter(countryShares::containsKey).toList();
            provisionalYears = provisionalYears == null ? new TreeSet<>() : new TreeSet<>(provisionalYears);
        }

        /** A chart whose year is not provisional. */
        public ShareAndRank(String fieldHeader, List<String> codes, Map<String, Double> countryShares,
                Map<String, Double> worldShares, Map<String, Integer> ranks) {
            this(fieldHeader, codes, countryShares, worldShares, ranks, null);
        }

        /** Whether the year shown is provisional: the bars are drawn lighter and hatched. */
        public boolean provisional() {
            return !provisionalYears.isEmpty();
        }

        @Override
        public DataTable table() {
            List<List<String>> rows = new ArrayList<>();
            for (String code : codes) {
                Double world = worldShares.get(code);
                Integer rank = ranks.get(code);
                rows.add(List.of(CodeLabels.label(code), Numbers.percent(countryShares.get(code)),
                        world == null ? DataTable.MISSING : Numbers.percent(world),
                        rank == null ? DataTable.MISSING : String.valueOf(rank)));
            }
            return new DataTable(List.of(fieldHeader, "Country share (%)", "World share (%)", "EU27 rank by world share"), rows);
        }

        @Override
        public boolean isEmpty() {
            return codes.isEmpty();
        }
    }

    /**
     * One value per key as bars, in the order of {@code keys}; {@code signed} colours negative bars
     * apart (Figures 2 and 3, and the EU27 comparison, whose keys are countries).
     */
    record Bars(String fieldHeader, String valueHeader, String axisLabel, List<String> keys, Map<String, String> labels,
            Map<String, Double> values, boolean signed, ValueFormat format) implements ChartSpec {

        public Bars {
            keys = keys.stream().filter(values::containsKey).toList();
        }

        /** Bars of codes, labelled with their names. */
        public static Bars ofCodes(String fieldHeader, String valueHeader, String axisLabel, List<String> codes,
                Map<String, Double> values, boolean signed, ValueFormat format) {
            Map<String, String> labels = new java.util.HashMap<>();
            codes.forEach(code -> labels.put(code, CodeLabels.label(code)));
            return new Bars(fieldHeader, valueHeader, axisLabel, codes, labels, values, signed, format);
        }

        public String label(String key) {
            return labels.getOrDefault(key, key);
        }

        /** The value as drawn on the axis (investment in USD million, not USD). */
        public double plotted(String key) {
            return format.scale(values.get(key));
        }

        @Override
        public DataTable table() {
            List<List<String>> rows = new ArrayList<>();
            for (String key : keys) {
                rows.add(List.of(label(key), format.format(values.get(key))));
            }
            return new DataTable(List.of(fieldHeader, valueHeader), rows);
        }

        @Override
        public boolean isEmpty() {
            return keys.isEmpty();
        }
    }

    /** One line per code over the years (Figures 5, 6, 8 and 9). */
    record Trends(String fieldHeader, String axisLabel, List<String> codes, Map<String, SortedMap<Integer, Double>> series,
            SortedSet<Integer> provisionalYears) implements ChartSpec {

        public Trends {
            codes = codes.stream().filter(code -> series.containsKey(code) && !series.get(code).isEmpty()).toList();
            SortedSet<Integer> shown = new TreeSet<>();
            codes.forEach(code -> shown.addAll(series.get(code).keySet()));
            // Only the provisional years the chart shows are marked.
            SortedSet<Integer> marked = new TreeSet<>(provisionalYears == null ? Set.of() : provisionalYears);
            marked.retainAll(shown);
            provisionalYears = marked;
        }

        /** Lines without provisional years. */
        public Trends(String fieldHeader, String axisLabel, List<String> codes, Map<String, SortedMap<Integer, Double>> series) {
            this(fieldHeader, axisLabel, codes, series, null);
        }

        public SortedSet<Integer> years() {
            SortedSet<Integer> years = new TreeSet<>();
            codes.forEach(code -> years.addAll(series.get(code).keySet()));
            return years;
        }

        @Override
        public DataTable table() {
            List<String> headers = new ArrayList<>();
            headers.add(fieldHeader);
            years().forEach(year -> headers.add(String.valueOf(year)));
            List<List<String>> rows = new ArrayList<>();
            for (String code : codes) {
                List<String> row = new ArrayList<>();
                row.add(CodeLabels.label(code));
                for (int year : years()) {
                    Double value = series.get(code).get(year);
                    row.add(value == null ? DataTable.MISSING : Numbers.percent(value));
                }
                rows.add(row);
            }
            return new DataTable(headers, rows);
        }

        @Override
        public boolean isEmpty() {
            return codes.isEmpty();
        }
    }

    /** How a bar value is written and scaled for its axis. */
    enum ValueFormat {
        /** Shares and balances in percent. */
        PERCENT,
        /** Money in millions (USD or EUR, as the header says). */
        MILLIONS,
        /** Ranks and numbers of rounds. */
        INTEGER,
        /** Fractional patent counts. */
        DECIMAL;

        public String format(double value) {
            return switch (this) {
                case PERCENT -> Numbers.percent(value);
                case MILLIONS -> Numbers.usdMillions(value);
                case INTEGER -> String.valueOf(Math.round(value));
                case DECIMAL -> java.math.BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
            };
        }

        public double scale(double value) {
            return this == MILLIONS ? value / 1_000_000d : value;
        }
    }
}
