package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Turns a country's indicator rows into {@link FactSheetData}: a pure function, tested with hand-made rows. */
public final class FactSheetAssembler {

    public static final String COUNTRY_SHARE = "patent.country_share";
    public static final String WORLD_SHARE = "patent.world_share";
    public static final String EU27_RANK = "patent.eu27_rank";
    public static final String TRADE_BALANCE = "trade.balance";
    public static final String PRODUCTION_SHARE = "production.tech_share";
    public static final String INVESTMENT = "investment.pe_vc_usd";
    /** The fractional counts: the base a trend starts from (PatentCaveats). */
    public static final String PATENT_COUNT = "patent.count";

    /** The indicators a fact sheet reads, all of one country. */
    public static final List<String> INDICATORS =
            List.of(COUNTRY_SHARE, WORLD_SHARE, EU27_RANK, TRADE_BALANCE, PRODUCTION_SHARE, INVESTMENT, PATENT_COUNT);

    /** The economies shown beside the country ({@link Benchmarks}): the EU27 as one economy and the peers. */
    public static final List<String> BENCHMARK_COUNTRIES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(EmiCodes.EU27_AGGREGATE), EmiCodes.PEERS.stream()).toList();

    /** What is read of them: the EU27's country shares and the peers' world shares. */
    public static final List<String> BENCHMARK_INDICATORS = List.of(COUNTRY_SHARE, WORLD_SHARE);

    /** Trend figures show at most this many years, ending with the latest: more would not stay legible. */
    public static final int TREND_YEARS = 15;

    /** The year under which investment.pe_vc_usd holds the 2015-2023 total (indicators.md §7). */
    public static final int INVESTMENT_TOTAL_YEAR = 0;

    private FactSheetAssembler() {
    }

    /**
     * The fact sheet data of {@code country} from rows of any countries: the country's own, and the
     * EU27's and the peers' of {@link #BENCHMARK_INDICATORS} for what the figures show beside them.
     */
    public static FactSheetData assemble(String country, List<IndicatorRowWithProvenance> allRows) {
        return assemble(country, allRows, new java.util.TreeSet<>(), 0);
    }

    /**
     * As {@link #assemble(String, List)}, with the provisional priority years (every country's, from
     * {@code serving.ProvisionalYears}) and the minimum base of a trend ({@code emi.query.highlights.min-base-count}).
     */
    public static FactSheetData assemble(String country, List<IndicatorRowWithProvenance> allRows,
            SortedSet<Integer> provisionalYears, double minBaseCount) {
        return assemble(country, allRows, provisionalYears, minBaseCount, Map.of());
    }

    /** The number of revisions the "What changed with the last release" section lists per source. */
    public static final int LARGEST_REVISIONS = 10;

    /**
     * As {@link #assemble(String, List, SortedSet, double)}, with the release each source ingested last,
     * for the section on what it changed ({@link ReleaseChanges}).
     */
    public static FactSheetData assemble(String country, List<IndicatorRowWithProvenance> allRows,
            SortedSet<Integer> provisionalYears, double minBaseCount, Map<DataSource, ReleaseChanges.LastRelease> lastReleases) {
        List<IndicatorRowWithProvenance> rows = allRows.stream()
                .filter(row -> row.country().equals(country) && INDICATORS.contains(row.indicator()))
                .sorted(IndicatorRowWithProvenance::compare)
                .toList();

        OptionalInt patentYear = latestYear(rows, row -> row.indicator().startsWith("patent.")
                && !row.indicator().equals(PATENT_COUNT));
        Map<String, SortedMap<Integer, Double>> counts = new HashMap<>();
        Map<Integer, Map<String, Integer>> ranksByYear = new TreeMap<>();
        Map<String, Double> countryShares = new HashMap<>();
        Map<String, Double> worldShares = new HashMap<>();
        Map<String, Integer> ranks = new HashMap<>();
        Map<String, SortedMap<Integer, Double>> worldShareSeries = new HashMap<>();
        OptionalInt tradeYear = latestYear(rows, row -> row.indicator().equals(TRADE_BALANCE));
        Map<String, Double> tradeBalances = new HashMap<>();
        Map<String, Double> investment = new HashMap<>();
        OptionalInt productionYear = latestYear(rows, row -> row.indicator().equals(PRODUCTION_SHARE));
        Map<String, SortedMap<Integer, Double>> productionSeries = new HashMap<>();

        for (IndicatorRowWithProvenance row : rows) {
            int year = row.year();
            switch (row.indicator()) {
                case COUNTRY_SHARE -> {
                    if (is(year, patentYear)) {
                        countryShares.put(row.code(), row.value());
                    }
                }
                case WORLD_SHARE -> {
                    if (is(year, patentYear)) {
                        worldShares.put(row.code(), row.value());
                    }
                    if (inTrendWindow(year, patentYear)) {
                        worldShareSeries.computeIfAbsent(row.code(), code -> new TreeMap<>()).put(year, row.value());
                    }
                }
                case EU27_RANK -> {
                    if (is(year, patentYear)) {
                        ranks.put(row.code(), (int) Math.round(row.value()));
                    }
                    if (year > 0 && !provisionalYears.contains(year)) {
                        ranksByYear.computeIfAbsent(year, y -> new HashMap<>()).put(row.code(), (int) Math.round(row.value()));
                    }
                }
                case PATENT_COUNT -> {
                    if (inTrendWindow(year, patentYear)) {
                        counts.computeIfAbsent(row.code(), code -> new TreeMap<>()).put(year, row.value());
                    }
                }
                case TRADE_BALANCE -> {
                    if (is(year, tradeYear)) {
                        tradeBalances.put(row.code(), row.value());
                    }
                }
                case PRODUCTION_SHARE -> {
                    if (inTrendWindow(year, productionYear)) {
                        productionSeries.computeIfAbsent(row.code(), code -> new TreeMap<>()).put(year, row.value());
                    }
                }
                case INVESTMENT -> {
                    if (year == INVESTMENT_TOTAL_YEAR) {
                        investment.put(row.code(), row.value());
                    }
                }
                default -> throw new IllegalStateException("unexpected indicator " + row.indicator());
            }
        }

        List<IndicatorRowWithProvenance> benchmarkRows = benchmarkRows(allRows, patentYear);
        List<IndicatorRowWithProvenance> shown = new ArrayList<>(rows);
        shown.addAll(benchmarkRows);
        return new FactSheetData(country, CodeLabels.countryName(country), patentYear,
                Map.copyOf(countryShares), Map.copyOf(worldShares), Map.copyOf(ranks), immutableSeries(worldShareSeries),
                tradeYear, Map.copyOf(tradeBalances), Map.copyOf(investment),
                productionYear, immutableSeries(productionSeries), provenance(shown),
                version(shown) + releasesVersion(lastReleases),
                caveats(provisionalYears, minBaseCount, counts, ranksByYear),
                ReleaseChanges.bySource(lastReleases, rows, LARGEST_REVISIONS), benchmarks(benchmarkRows));
    }

    /**
     * The rows the figures show beside the country's: the EU27's country shares of the country's
     * patent year and the peers' world shares over its trend window.
     */
    private static List<IndicatorRowWithProvenance> benchmarkRows(List<IndicatorRowWithProvenance> allRows,
            OptionalInt patentYear) {
        return allRows.stream()
                .filter(row -> (row.country().equals(EmiCodes.EU27_AGGREGATE) && row.indicator().equals(COUNTRY_SHARE)
                                && is(row.year(), patentYear))
                        || (EmiCodes.isPeer(row.country()) && row.indicator().equals(WORLD_SHARE)
                                && inTrendWindow(row.year(), patentYear)))
                .sorted(IndicatorRowWithProvenance::compare)
                .toList();
    }

    private static Benchmarks benchmarks(List<IndicatorRowWithProvenance> benchmarkRows) {
        Map<String, Double> eu27 = new HashMap<>();
        Map<String, Map<String, SortedMap<Integer, Double>>> peers = new HashMap<>();
        for (IndicatorRowWithProvenance row : benchmarkRows) {
            if (row.country().equals(EmiCodes.EU27_AGGREGATE)) {
                eu27.put(row.code(), row.value());
            } else {
                peers.computeIfAbsent(row.country(), peer -> new HashMap<>())
                        .computeIfAbsent(row.code(), code -> new TreeMap<>()).put(row.year(), row.value());
            }
        }
        return new Benchmarks(eu27, peers);
    }

    /**
     * The last releases in the page's version: a release that changed none of the country's values
     * still changes what its section says.
     */
    private static String releasesVersion(Map<DataSource, ReleaseChanges.LastRelease> lastReleases) {
        if (lastReleases.isEmpty()) {
            return "";
        }
        return "-" + Integer.toHexString(new TreeMap<>(lastReleases).toString().hashCode());
    }

    private static PatentCaveats caveats(SortedSet<Integer> provisionalYears, double minBaseCount,
            Map<String, SortedMap<Integer, Double>> counts, Map<Integer, Map<String, Integer>> ranksByYear) {
        OptionalInt settledYear = ranksByYear.keySet().stream().mapToInt(Integer::intValue).max();
        Map<String, Integer> settledRanks = settledYear.isPresent() ? ranksByYear.get(settledYear.getAsInt()) : Map.of();
        return new PatentCaveats(provisionalYears, minBaseCount, immutableSeries(counts), settledYear, settledRanks);
    }

    /** The latest year of the matching rows; investment totals (year 0) are no year. */
    private static OptionalInt latestYear(List<IndicatorRowWithProvenance> rows, Predicate<IndicatorRowWithProvenance> which) {
        return rows.stream().filter(which).mapToInt(IndicatorRowWithProvenance::year).filter(year -> year > 0).max();
    }

    private static boolean is(int year, OptionalInt wanted) {
        return wanted.isPresent() && wanted.getAsInt() == year;
    }

    private static boolean inTrendWindow(int year, OptionalInt latest) {
        return latest.isPresent() && year > latest.getAsInt() - TREND_YEARS && year <= latest.getAsInt();
    }

    private static Map<String, SortedMap<Integer, Double>> immutableSeries(Map<String, SortedMap<Integer, Double>> series) {
        Map<String, SortedMap<Integer, Double>> copy = new HashMap<>();
        series.forEach((code, values) -> copy.put(code, java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values))));
        return Map.copyOf(copy);
    }

    private static Map<DataSource, SourceReleases> provenance(List<IndicatorRowWithProvenance> rows) {
        Map<DataSource, SortedSet<String>> releases = new EnumMap<>(DataSource.class);
        Map<DataSource, SortedSet<String>> concordances = new EnumMap<>(DataSource.class);
        for (IndicatorRowWithProvenance row : rows) {
            DataSource source = DataSource.of(row.indicator());
            SortedSet<String> sourceReleases = releases.computeIfAbsent(source, s -> new TreeSet<>());
            String release = row.releases().get(source.provenanceName());
            if (release != null && !release.isBlank()) {
                sourceReleases.add(release);
            }
            if (!row.concordanceVersion().isBlank()) {
                concordances.computeIfAbsent(source, s -> new TreeSet<>()).add(row.concordanceVersion());
            }
        }
        Map<DataSource, SourceReleases> provenance = new EnumMap<>(DataSource.class);
        releases.forEach((source, names) ->
                provenance.put(source, new SourceReleases(names, concordances.getOrDefault(source, new TreeSet<>()))));
        return Map.copyOf(provenance);
    }

    /** A digest of every row and its provenance: equal versions, equal pages. */
    static String version(List<IndicatorRowWithProvenance> rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<IndicatorRowWithProvenance> sorted = new ArrayList<>(rows);
            sorted.sort(IndicatorRowWithProvenance::compare);
            for (IndicatorRowWithProvenance row : sorted) {
                String line = row.indicator() + '|' + row.country() + '|' + row.code() + '|' + row.year() + '|'
                        + Double.toString(row.value()) + '|' + new TreeMap<>(row.releases()) + '|' + row.concordanceVersion() + '\n';
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
