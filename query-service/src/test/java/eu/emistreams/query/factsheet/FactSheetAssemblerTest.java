package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.query.serving.IndicatorRowWithProvenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FactSheetAssemblerTest {

    @Test
    void theFiguresShowTheLatestYearOfEachSource() {
        FactSheetData data = FactSheetFixture.belgiumData();
        assertEquals("Belgium", data.countryName());
        assertEquals(OptionalInt.of(2020), data.patentYear());
        assertEquals(30.0, data.countryShares().get("AGRI"));
        assertEquals(6, data.eu27Ranks().get("AGRI"));
        assertEquals(OptionalInt.of(2020), data.tradeYear());
        assertEquals(20.0, data.tradeBalances().get("AGRI"));
        // The investment figure holds the 2015-2023 total (year 0), not single years.
        assertEquals(500_000_000.0, data.investmentUsd().get("HEAL"));
        assertEquals(OptionalInt.of(2021), data.productionYear());
        assertEquals(12, data.productionShareSeries().get("G.BIO").size());
        assertEquals(11, data.worldShareSeries().get("AGRI").size());
    }

    @Test
    void trendsSpanAtMostTheFifteenLatestYears() {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>();
        for (int year = 1990; year <= 2020; year++) {
            rows.add(FactSheetFixture.row(FactSheetAssembler.WORLD_SHARE, "AGRI", year, year));
        }
        FactSheetData data = FactSheetAssembler.assemble("BE", rows);
        assertEquals(2006, data.worldShareSeries().get("AGRI").firstKey());
        assertEquals(2020, data.worldShareSeries().get("AGRI").lastKey());
        assertEquals(FactSheetAssembler.TREND_YEARS, data.worldShareSeries().get("AGRI").size());
    }

    @Test
    void otherCountriesAndIndicatorsAreIgnored() {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>();
        rows.add(new IndicatorRowWithProvenance(FactSheetAssembler.COUNTRY_SHARE, "FR", "AGRI", 2022, 1.0, Map.of(), ""));
        rows.add(FactSheetFixture.row("patent.count", "AGRI", 2023, 10.0));
        FactSheetData data = FactSheetAssembler.assemble("BE", rows);
        assertFalse(data.hasData(DataSource.PATENTS));
        assertTrue(data.countryShares().isEmpty());
    }

    @Test
    void provenanceCollectsTheReleasesOfEachSource() {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>(FactSheetFixture.belgium());
        // A value unchanged by the newer release keeps the older release in its provenance.
        rows.add(new IndicatorRowWithProvenance(FactSheetAssembler.WORLD_SHARE, "BE", "TOUR", 2009, 0.5,
                Map.of("patstat", "2023-autumn"), "test-1"));
        FactSheetData data = FactSheetAssembler.assemble("BE", rows);
        assertEquals(List.of("2023-autumn", "2024-spring"), List.copyOf(data.provenanceOf(DataSource.PATENTS).releases()));
        assertEquals(List.of("comtrade-2024"), List.copyOf(data.provenanceOf(DataSource.TRADE).releases()));
        assertEquals("Source: EMI Streams based on PATSTAT, releases 2023-autumn and 2024-spring; concordance test-1.",
                FactSheetContent.sourceLine(data, DataSource.PATENTS));
        assertEquals("Source: EMI Streams based on UN Comtrade, release comtrade-2024; concordance test-1.",
                FactSheetContent.sourceLine(data, DataSource.TRADE));
    }

    @Test
    void theVersionChangesWithAnyValueOrProvenanceAndNotWithOrder() {
        List<IndicatorRowWithProvenance> rows = new ArrayList<>(FactSheetFixture.belgium());
        String version = FactSheetAssembler.assemble("BE", rows).version();
        Collections.reverse(rows);
        assertEquals(version, FactSheetAssembler.assemble("BE", rows).version());

        List<IndicatorRowWithProvenance> changedValue = new ArrayList<>(rows);
        IndicatorRowWithProvenance first = changedValue.get(0);
        changedValue.set(0, new IndicatorRowWithProvenance(first.indicator(), first.country(), first.code(), first.year(),
                first.value() + 0.001, first.releases(), first.concordanceVersion()));
        assertNotEquals(version, FactSheetAssembler.assemble("BE", changedValue).version());

        List<IndicatorRowWithProvenance> changedRelease = new ArrayList<>(rows);
        changedRelease.set(0, new IndicatorRowWithProvenance(first.indicator(), first.country(), first.code(), first.year(),
                first.value(), Map.of("patstat", "2025-spring"), first.concordanceVersion()));
        assertNotEquals(version, FactSheetAssembler.assemble("BE", changedRelease).version());
    }

    @Test
    void theContentHasNineFiguresInTheReferenceOrder() {
        FactSheetContent content = FactSheetContent.of(FactSheetFixture.belgiumData());
        List<Figure> figures = content.figures();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), figures.stream().map(Figure::number).toList());
        assertTrue(figures.stream().allMatch(Figure::hasChart));
        assertEquals("Figure 1: Belgium's country share and world share (expressed in terms of ranking) in patent "
                + "applications in industrial ecosystems (2020)", figures.get(0).title());
        assertEquals("Figure 5: Trends over time in Belgium's share of world patent applications in green technologies "
                + "(2010-2020)", figures.get(4).title());
        assertEquals("Figure 9: Production of digital technology-based products in Belgium as a share of its total "
                + "production (2010-2021)", figures.get(8).title());
        // The figure's table lists what the chart draws.
        DataTable trade = figures.get(1).chart().orElseThrow().table();
        assertEquals(List.of("Ecosystem", "Trade balance (%)"), trade.headers());
        assertEquals(List.of("Aerospace & Defence", "-10.0"), trade.rows().get(0));
        assertEquals(14, trade.rows().size());
    }

    @Test
    void aSourceWithoutDataLeavesItsFiguresEmpty() {
        List<IndicatorRowWithProvenance> patentsOnly = FactSheetFixture.belgium().stream()
                .filter(row -> row.indicator().startsWith("patent.")).toList();
        FactSheetContent content = FactSheetContent.of(FactSheetAssembler.assemble("BE", patentsOnly));
        List<Figure> figures = content.figures();
        assertEquals(List.of(true, false, false, true, true, false, true, true, false),
                figures.stream().map(Figure::hasChart).toList());
        assertEquals("No UN Comtrade data ingested yet", figures.get(1).noDataMessage());
        assertEquals("No Crunchbase data ingested yet", figures.get(2).noDataMessage());
        assertEquals("No Eurostat Prodcom data ingested yet", figures.get(5).noDataMessage());
        assertEquals("Figure 2: Trade balance in relation to overall trade volume ((exp. - imp.) / (exp. + imp.) x 100) "
                + "in Belgium", figures.get(1).title());
    }
}
