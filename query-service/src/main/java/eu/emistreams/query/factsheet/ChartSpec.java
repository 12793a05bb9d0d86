package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
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
     * (Figures 1, 4 and 7); where the EU27 as one economy has a country share for the code and year,
     * a reference tick at that share on the bar.
     *
     * @param eu27Shares the EU27's patent.country_share per code, of the same year; codes without one get no tick
     */
    record ShareAndRank(String fieldHeader, List<String> codes, Map<String, Double> countryShares,
            Map<String, Double> worldShares, Map<String, Integer> ranks, Map<String, Double> eu27Shares,
            SortedSet<Integer> provisionalYears) implements ChartSpec {

        public ShareAndRank {
            codes = codes.stream().filter(countryShares::containsKey).toList();
            Map<String, Double> shown = new HashMap<>();
            for (String code : codes) {
                Double eu27 = eu27Shares == null ? null : eu27Shares.get(code);
                if (eu27 != null) {
                    shown.put(code, eu27);
                }
            }
            eu27Shares = Map.copyOf(shown);
            provisionalYears = provisionalYears == null ? new TreeSet<>() : new TreeSet<>(provisionalYears);
        }

        /** Without EU27 reference ticks. */
        public ShareAndRank(String fieldHeader, List<String> codes, Map<String, Double> countryShares,
                Map<String, Double> worldShares, Map<String, Integer> ranks, SortedSet<Integer> provisionalYears) {
            this(fieldHeader, codes, countryShares, worldShares, ranks, null, provisionalYears);
        }

        /** A chart whose year is not provisional, without EU27 reference ticks. */
        public ShareAndRank(String fieldHeader, List<String> codes, Map<String, Double> countryShares,
                Map<String, Double> worldShares, Map<String, Integer> ranks) {
            this(fieldHeader, codes, countryShares, worldShares, ranks, null, null);
        }

        /** Whether the year shown is provisional: the bars are drawn lighter and hatched. */
        public boolean provisional() {
            return !provisionalYears.isEmpty();
        }

        /** Whether any bar has an EU27 reference tick, and the table its column. */
        public boolean hasEu27() {
            return !eu27Shares.isEmpty();
        }

        @Override
        public DataTable table() {
            List<String> headers = new ArrayList<>(
                    List.of(fieldHeader, "Country share (%)", "World share (%)", "EU27 rank by world share"));
            if (hasEu27()) {
                headers.add(EU27_SHARE_HEADER);
            }
            List<List<String>> rows = new ArrayList<>();
            for (String code : codes) {
                Double world = worldShares.get(code);
                Integer rank = ranks.get(code);
                List<String> row = new ArrayList<>(List.of(CodeLabels.label(code), Numbers.percent(countryShares.get(code)),
                        world == null ? DataTable.MISSING : Numbers.percent(world),
                        rank == null ? DataTable.MISSING : String.valueOf(rank)));
                if (hasEu27()) {
                    Double eu27 = eu27Shares.get(code);
                    row.add(eu27 == null ? DataTable.MISSING : Numbers.percent(eu27));
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

    /** The header of the EU27's country share in the table of figures 1, 4 and 7. */
    String EU27_SHARE_HEADER = "EU27 country share (%)";

    /** The legend entry of the EU27 reference ticks. */
    String EU27_LEGEND = "EU27";

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

    /**
     * One line per code over the years (Figures 5, 6, 8 and 9). With peer series (Figures 5 and 8),
     * one panel per code instead: the country's line beside the line of each peer economy that has
     * a value for the code in the years the country's line spans.
     *
     * @param peerSeries per peer ({@link EmiCodes#PEERS}), per code, its values by year; a year without one is drawn as a gap
     * @param countryName the legend's name of the country's own lines when there are peer lines
     */
    record Trends(String fieldHeader, String axisLabel, List<String> codes, Map<String, SortedMap<Integer, Double>> series,
            SortedSet<Integer> provisionalYears, Map<String, Map<String, SortedMap<Integer, Double>>> peerSeries,
            String countryName) implements ChartSpec {

        public Trends {
            codes = codes.stream().filter(code -> series.containsKey(code) && !series.get(code).isEmpty()).toList();
            SortedSet<Integer> shown = new TreeSet<>();
            codes.forEach(code -> shown.addAll(series.get(code).keySet()));
            // Only the provisional years the chart shows are marked.
            SortedSet<Integer> marked = new TreeSet<>(provisionalYears == null ? Set.of() : provisionalYears);
            marked.retainAll(shown);
            provisionalYears = marked;
            peerSeries = shownPeerSeries(codes, shown, peerSeries == null ? Map.of() : peerSeries);
        }

        /** Lines without peers. */
        public Trends(String fieldHeader, String axisLabel, List<String> codes, Map<String, SortedMap<Integer, Double>> series,
                SortedSet<Integer> provisionalYears) {
            this(fieldHeader, axisLabel, codes, series, provisionalYears, null, "");
        }

        /** Lines without provisional years and without peers. */
        public Trends(String fieldHeader, String axisLabel, List<String> codes, Map<String, SortedMap<Integer, Double>> series) {
            this(fieldHeader, axisLabel, codes, series, null, null, "");
        }

        /** The peers' values of the codes shown, within the years the country's lines span; no empty series. */
        private static Map<String, Map<String, SortedMap<Integer, Double>>> shownPeerSeries(List<String> codes,
                SortedSet<Integer> shown, Map<String, Map<String, SortedMap<Integer, Double>>> peerSeries) {
            Map<String, Map<String, SortedMap<Integer, Double>>> kept = new HashMap<>();
            if (shown.isEmpty()) {
                return Map.of();
            }
            peerSeries.forEach((peer, byCode) -> {
                Map<String, SortedMap<Integer, Double>> peerKept = new HashMap<>();
                for (String code : codes) {
                    SortedMap<Integer, Double> values = byCode.get(code);
                    if (values != null) {
                        SortedMap<Integer, Double> inSpan = new TreeMap<>(values.subMap(shown.first(), shown.last() + 1));
                        inSpan.values().removeIf(java.util.Objects::isNull);
                        if (!inSpan.isEmpty()) {
                            peerKept.put(code, Collections.unmodifiableSortedMap(inSpan));
                        }
                    }
                }
                if (!peerKept.isEmpty()) {
                    kept.put(peer, Map.copyOf(peerKept));
                }
            });
            return Map.copyOf(kept);
        }

        /** The peers with a line in this chart, in the order of {@link EmiCodes#PEERS}. */
        public List<String> peers() {
            return EmiCodes.PEERS.stream().filter(peerSeries::containsKey).toList();
        }

        /** Whether the chart draws peer lines (one panel per code). */
        public boolean hasPeers() {
            return !peerSeries.isEmpty();
        }

        /** The peers with a line for {@code code}, in the order of {@link EmiCodes#PEERS}. */
        public List<String> peersOf(String code) {
            return peers().stream().filter(peer -> peerSeries.get(peer).containsKey(code)).toList();
        }

        /** The line of {@code peer} for {@code code}, empty if it has none. */
        public SortedMap<Integer, Double> peerLine(String peer, String code) {
            return peerSeries.getOrDefault(peer, Map.of()).getOrDefault(code, Collections.emptySortedMap());
        }

        public SortedSet<Integer> years() {
            SortedSet<Integer> years = new TreeSet<>();
            codes.forEach(code -> years.addAll(series.get(code).keySet()));
            return years;
        }

        /** The label of a peer's line for a code, in the table: "Artificial Intelligence: United States". */
        public static String peerRowLabel(String code, String peer) {
            return CodeLabels.label(code) + ": " + CodeLabels.countryName(peer);
        }

        @Override
        public DataTable table() {
            List<String> headers = new ArrayList<>();
            headers.add(fieldHeader);
            SortedSet<Integer> years = years();
            years.forEach(year -> headers.add(String.valueOf(year)));
            List<List<String>> rows = new ArrayList<>();
            for (String code : codes) {
                rows.add(row(CodeLabels.label(code), series.get(code), years));
                for (String peer : peersOf(code)) {
                    rows.add(row(peerRowLabel(code, peer), peerLine(peer, code), years));
                }
            }
            return new DataTable(headers, rows);
        }

        private static List<String> row(String label, SortedMap<Integer, Double> values, SortedSet<Integer> years) {
            List<String> row = new ArrayList<>();
            row.add(label);
            for (int year : years) {
                Double value = values.get(year);
                row.add(value == null ? DataTable.MISSING : Numbers.percent(value));
            }
            return row;
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
