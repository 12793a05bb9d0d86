package eu.emistreams.query.factsheet;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * Everything a country's fact sheet says, read from its indicators: the patent figures of
 * {@link #patentYear()} (the latest year with patent data), world-share series up to it, the trade
 * balance of {@link #tradeYear()}, the PE/VC totals of 2015-2023 and the production-share series.
 * Maps are keyed by code (indicators.md §1) and hold only the codes that have a value.
 *
 * @param version changes whenever any indicator of the country changes: what the live page watches
 * @param patentCaveats provisional years and minimum bases that limit what the highlights conclude
 * @param releaseChanges per source, in the order of {@link DataSource}, what its last release changed
 * @param benchmarks the EU27's and the peers' values the figures show beside the country's
 */
public record FactSheetData(
        String country,
        String countryName,
        OptionalInt patentYear,
        Map<String, Double> countryShares,
        Map<String, Double> worldShares,
        Map<String, Integer> eu27Ranks,
        Map<String, SortedMap<Integer, Double>> worldShareSeries,
        OptionalInt tradeYear,
        Map<String, Double> tradeBalances,
        Map<String, Double> investmentUsd,
        OptionalInt productionYear,
        Map<String, SortedMap<Integer, Double>> productionShareSeries,
        Map<DataSource, SourceReleases> provenance,
        String version,
        PatentCaveats patentCaveats,
        List<ReleaseChanges> releaseChanges,
        Benchmarks benchmarks) {

    /** Without the EU27 and the peers beside the country. */
    public FactSheetData(String country, String countryName, OptionalInt patentYear, Map<String, Double> countryShares,
            Map<String, Double> worldShares, Map<String, Integer> eu27Ranks,
            Map<String, SortedMap<Integer, Double>> worldShareSeries, OptionalInt tradeYear,
            Map<String, Double> tradeBalances, Map<String, Double> investmentUsd, OptionalInt productionYear,
            Map<String, SortedMap<Integer, Double>> productionShareSeries, Map<DataSource, SourceReleases> provenance,
            String version, PatentCaveats patentCaveats, List<ReleaseChanges> releaseChanges) {
        this(country, countryName, patentYear, countryShares, worldShares, eu27Ranks, worldShareSeries, tradeYear,
                tradeBalances, investmentUsd, productionYear, productionShareSeries, provenance, version, patentCaveats,
                releaseChanges, Benchmarks.NONE);
    }

    /** Without caveats (no provisional year, no minimum base) and without the last releases' changes. */
    public FactSheetData(String country, String countryName, OptionalInt patentYear, Map<String, Double> countryShares,
            Map<String, Double> worldShares, Map<String, Integer> eu27Ranks,
            Map<String, SortedMap<Integer, Double>> worldShareSeries, OptionalInt tradeYear,
            Map<String, Double> tradeBalances, Map<String, Double> investmentUsd, OptionalInt productionYear,
            Map<String, SortedMap<Integer, Double>> productionShareSeries, Map<DataSource, SourceReleases> provenance,
            String version) {
        this(country, countryName, patentYear, countryShares, worldShares, eu27Ranks, worldShareSeries, tradeYear,
                tradeBalances, investmentUsd, productionYear, productionShareSeries, provenance, version, PatentCaveats.NONE,
                List.of(), Benchmarks.NONE);
    }

    public boolean hasData(DataSource source) {
        return switch (source) {
            case PATENTS -> patentYear.isPresent();
            case TRADE -> tradeYear.isPresent();
            case PRODUCTION -> productionYear.isPresent();
            case INVESTMENT -> !investmentUsd.isEmpty();
        };
    }

    public SourceReleases provenanceOf(DataSource source) {
        return provenance.getOrDefault(source, SourceReleases.NONE);
    }
}
