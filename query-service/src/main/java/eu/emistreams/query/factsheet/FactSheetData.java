package eu.emistreams.query.factsheet;

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
        PatentCaveats patentCaveats) {

    /** Without caveats: no provisional year, no minimum base. */
    public FactSheetData(String country, String countryName, OptionalInt patentYear, Map<String, Double> countryShares,
            Map<String, Double> worldShares, Map<String, Integer> eu27Ranks,
            Map<String, SortedMap<Integer, Double>> worldShareSeries, OptionalInt tradeYear,
            Map<String, Double> tradeBalances, Map<String, Double> investmentUsd, OptionalInt productionYear,
            Map<String, SortedMap<Integer, Double>> productionShareSeries, Map<DataSource, SourceReleases> provenance,
            String version) {
        this(country, countryName, patentYear, countryShares, worldShares, eu27Ranks, worldShareSeries, tradeYear,
                tradeBalances, investmentUsd, productionYear, productionShareSeries, provenance, version, PatentCaveats.NONE);
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
