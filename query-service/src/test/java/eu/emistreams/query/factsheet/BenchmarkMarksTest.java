package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.emistreams.events.codes.EmiCodes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The EU27 and the peers beside the country (issue 15): the EU27's country share as a tick on each
 * bar of Figures 1, 4 and 7, the peers' world shares as lines beside the country's in Figures 5 and
 * 8, the same numbers in the figures' tables, and nothing drawn where a value is missing.
 */
class BenchmarkMarksTest {

    private static final FactSheetData WITH_BENCHMARKS = FactSheetFixture.belgiumWithBenchmarksData();

    private static Figure figure(FactSheetData data, int number) {
        return FactSheetContent.of(data).figures().get(number - 1);
    }

    @Test
    void theAssemblerKeepsTheEu27SharesOfThePatentYearAndThePeersSeries() {
        Benchmarks benchmarks = WITH_BENCHMARKS.benchmarks();
        assertEquals(EmiCodes.ALL.size() - 2, benchmarks.eu27CountryShares().size());
        assertEquals(FactSheetFixture.eu27CountryShare("AGRI"), benchmarks.eu27CountryShares().get("AGRI"));
        assertFalse(benchmarks.eu27CountryShares().containsKey("TOUR"), "2019's value is not 2020's");
        assertEquals(new TreeSet<>(List.of("CN", "JP", "US")), new TreeSet<>(benchmarks.peerWorldShares().keySet()));
        assertEquals(10, benchmarks.peerWorldShares().get("CN").get("G.AMN").size(), "2015 is missing, not 0");
        assertFalse(benchmarks.peerWorldShares().get("CN").get("G.AMN").containsKey(2015));
        // Belgium's own values are Belgium's; the benchmarks change the page's version.
        FactSheetData belgium = FactSheetFixture.belgiumData();
        assertEquals(belgium.countryShares(), WITH_BENCHMARKS.countryShares());
        assertEquals(belgium.worldShareSeries(), WITH_BENCHMARKS.worldShareSeries());
        assertNotEquals(belgium.version(), WITH_BENCHMARKS.version());
        assertEquals(Benchmarks.NONE, belgium.benchmarks());
    }

    @Test
    void theShareTablesCarryTheEu27ShareAndNaWhereItHasNone() {
        for (int number : List.of(1, 4, 7)) {
            DataTable table = figure(WITH_BENCHMARKS, number).chart().orElseThrow().table();
            assertEquals(ChartSpec.EU27_SHARE_HEADER, table.headers().get(4), "figure " + number);
            assertTrue(table.rows().stream().allMatch(row -> row.size() == 5), "figure " + number);
        }
        DataTable ecosystems = figure(WITH_BENCHMARKS, 1).chart().orElseThrow().table();
        assertEquals(List.of("Agri-Food", "30.0", "3.00", "6", "1.50"), ecosystems.rows().get(1));
        assertEquals(List.of("Tourism", "1.00", "0.50", "12", DataTable.MISSING), ecosystems.rows().get(13));
        // Without EU27 values the table keeps its four columns.
        assertEquals(4, figure(FactSheetFixture.belgiumData(), 1).chart().orElseThrow().table().headers().size());
    }

    @Test
    void eachTickSitsOnItsBarAtTheEu27Share() throws Exception {
        ChartSpec.ShareAndRank spec = (ChartSpec.ShareAndRank) figure(WITH_BENCHMARKS, 1).chart().orElseThrow();
        SvgShapes svg = SvgShapes.of(FigureRenderer.svg(spec, "t-"));
        List<SvgShapes.Shape> bars = svg.filled(SvgShapes.rgb(FigureRenderer.EU_BLUE)).stream()
                .filter(shape -> shape.kind().equals("rect") && shape.maxY() - shape.minY() > 10)
                .sorted(Comparator.comparingDouble(SvgShapes.Shape::minY)).toList();
        assertEquals(spec.codes().size(), bars.size());
        List<SvgShapes.Shape> ticks = svg.filled(SvgShapes.rgb(FigureRenderer.EU27_TICK));
        // The bars start at 0: pixels per percentage point from the longest bar (Agri-Food, 30 %).
        double left = bars.get(0).minX();
        SvgShapes.Shape agri = bars.get(spec.codes().indexOf("AGRI"));
        double scale = (agri.maxX() - left) / spec.countryShares().get("AGRI");
        int onBars = 0;
        for (int i = 0; i < bars.size(); i++) {
            SvgShapes.Shape bar = bars.get(i);
            String code = spec.codes().get(i);
            List<SvgShapes.Shape> onBar = ticks.stream()
                    .filter(tick -> tick.centerY() > bar.minY() && tick.centerY() < bar.maxY()).toList();
            Double eu27 = spec.eu27Shares().get(code);
            if (eu27 == null) {
                assertEquals(List.of(), onBar, code + " has no EU27 value: no tick, not one at 0");
                continue;
            }
            assertEquals(1, onBar.size(), code);
            assertEquals(left + scale * eu27, onBar.get(0).centerX(), 1.0, code + " tick at the EU27 share " + eu27);
            onBars++;
        }
        assertEquals(13, onBars);
        assertEquals(onBars + 1, ticks.size(), "a tick per bar with a value, and the legend's");
        assertTrue(svg.texts().contains(ChartSpec.EU27_LEGEND));
    }

    @Test
    void figuresWithoutEu27ValuesHaveNoTickAndNoLegendEntry() throws Exception {
        SvgShapes svg = SvgShapes.of(FigureRenderer.svg(figure(FactSheetFixture.belgiumData(), 4).chart().orElseThrow(), "t-"));
        assertEquals(List.of(), svg.filled(SvgShapes.rgb(FigureRenderer.EU27_TICK)));
        assertFalse(svg.texts().contains(ChartSpec.EU27_LEGEND));
    }

    @Test
    void thePeersHaveLinesBesideTheCountrysAndRowsInTheTable() throws Exception {
        Figure figure = figure(WITH_BENCHMARKS, 5);
        assertEquals("Figure 5: Trends over time in Belgium's share of world patent applications in green technologies, "
                + "beside the United States, China and Japan (2010-2020)", figure.title());
        ChartSpec.Trends spec = (ChartSpec.Trends) figure.chart().orElseThrow();
        assertEquals(List.of("US", "CN", "JP"), spec.peers());
        DataTable table = spec.table();
        List<String> labels = table.rows().stream().map(row -> row.get(0)).toList();
        assertEquals(CodeLabels.GREEN_TRENDS.size() * 3 + 1, labels.size(), "the country, the US and China per field, Japan once");
        assertEquals(labels.indexOf("Solar Power") + 3, labels.indexOf("Solar Power: Japan"));
        assertFalse(labels.contains("Wind Power: Japan"));
        assertTrue(labels.stream().noneMatch(label -> label.contains("Korea")));
        List<String> china = table.rows().get(labels.indexOf("Biotechnology: China"));
        assertEquals(DataTable.MISSING, china.get(table.headers().indexOf("2015")));
        assertEquals(Numbers.percent(FactSheetFixture.usWorldShare("G.BIO", 2020)),
                table.rows().get(labels.indexOf("Biotechnology: United States")).get(table.headers().indexOf("2020")));

        SvgShapes svg = SvgShapes.of(FigureRenderer.svg(spec, "t-"));
        for (String name : List.of("Belgium", "United States", "China", "Japan")) {
            assertTrue(svg.texts().contains(name), "legend names " + name);
        }
        assertFalse(svg.texts().contains("South Korea"), "Korea has no value: no line, no legend entry");
        int fields = CodeLabels.GREEN_TRENDS.size();
        // 2010-2020: ten segments per line; China's gap in 2015 takes two of them, drawn as nothing.
        assertEquals(10 * fields, svg.lines(SvgShapes.rgb(FigureRenderer.PEER_COLOURS.get("US"))).size());
        assertEquals(8 * fields, svg.lines(SvgShapes.rgb(FigureRenderer.PEER_COLOURS.get("CN"))).size());
        assertEquals(10, svg.lines(SvgShapes.rgb(FigureRenderer.PEER_COLOURS.get("JP"))).size());
        assertEquals(10 * fields, svg.lines(SvgShapes.rgb(FigureRenderer.EU_BLUE)).size());
        for (String field : CodeLabels.GREEN_TRENDS) {
            assertTrue(svg.texts().contains(CodeLabels.label(field)), "a panel titled " + field);
        }

        // In the Solar Power panel (the one Japan has a line in), the lines are at their values: the
        // panel's scale from Belgium's 1.00 and China's 10.0 in 2010 puts the US at 23.0, Japan at 12.5.
        List<SvgShapes.Shape> japan = svg.lines(SvgShapes.rgb(FigureRenderer.PEER_COLOURS.get("JP")));
        String panel = japan.get(0).clip();
        double start = japan.stream().mapToDouble(SvgShapes.Shape::minX).min().orElseThrow();
        java.util.function.Function<java.awt.Color, Double> y2010 = colour -> svg.lines(SvgShapes.rgb(colour)).stream()
                .filter(line -> line.clip().equals(panel) && Math.abs(line.minX() - start) < 0.01)
                .map(SvgShapes.Shape::startY).findFirst().orElseThrow();
        double belgium = y2010.apply(FigureRenderer.EU_BLUE);
        double pixelsPerPoint = (y2010.apply(FigureRenderer.PEER_COLOURS.get("CN")) - belgium) / (10.0 - 1.0);
        assertEquals(belgium + pixelsPerPoint * (12.5 - 1.0), y2010.apply(FigureRenderer.PEER_COLOURS.get("JP")), 0.5);
        assertEquals(belgium + pixelsPerPoint * (FactSheetFixture.usWorldShare("G.REN.SOLAR", 2010) - 1.0),
                y2010.apply(FigureRenderer.PEER_COLOURS.get("US")), 0.5);
    }

    @Test
    void aTrendWithoutPeerValuesStaysOneChartAndProductionHasNoPeers() {
        Figure digital = figure(WITH_BENCHMARKS, 8);
        assertFalse(((ChartSpec.Trends) digital.chart().orElseThrow()).hasPeers());
        assertEquals("Figure 8: Trends over time in Belgium's share of world patent applications in digital technologies "
                + "(2010-2020)", digital.title());
        assertFalse(((ChartSpec.Trends) figure(WITH_BENCHMARKS, 6).chart().orElseThrow()).hasPeers());
        assertEquals(360, FigureRenderer.height(digital.chart().orElseThrow()));
    }

    @Test
    void peerValuesOutsideTheCountrysYearsAreLeftOut() {
        SortedMap<Integer, Double> own = new TreeMap<>(Map.of(2018, 1.0, 2019, 1.1, 2020, 1.2));
        SortedMap<Integer, Double> us = new TreeMap<>(Map.of(2010, 9.0, 2019, 20.0, 2020, 21.0));
        ChartSpec.Trends spec = new ChartSpec.Trends("Technology", "Share (%)", List.of("D.AI", "D.BD"),
                Map.of("D.AI", own), null, Map.of("US", Map.of("D.AI", us), "KR", Map.of("D.BD", new TreeMap<>(Map.of(2020, 3.0)))),
                "Belgium");
        assertEquals(List.of("US"), spec.peers(), "Korea's field has no line of the country");
        assertEquals(new TreeMap<>(Map.of(2019, 20.0, 2020, 21.0)), spec.peerLine("US", "D.AI"));
        assertEquals(List.of("Technology", "2018", "2019", "2020"), spec.table().headers());
        assertEquals(List.of("Artificial Intelligence: United States", DataTable.MISSING, "20.0", "21.0"), spec.table().rows().get(1));
    }

    @Test
    void thePdfHoldsNineDrawingsWithThePeersPanelsInFiguresFiveAndEight() throws Exception {
        List<eu.emistreams.query.serving.IndicatorRowWithProvenance> rows = new java.util.ArrayList<>(FactSheetFixture.belgium());
        rows.addAll(FactSheetFixture.benchmarks());
        for (String peer : EmiCodes.PEERS) {
            for (String code : CodeLabels.DIGITAL_TRENDS) {
                for (int year = 2010; year <= 2020; year++) {
                    rows.add(FactSheetFixture.benchmark(FactSheetAssembler.WORLD_SHARE, peer, code, year, 5.0 + year - 2010));
                }
            }
        }
        FactSheetContent content = FactSheetContent.of(FactSheetAssembler.assemble("BE", rows));
        assertTrue(((ChartSpec.Trends) content.figures().get(7).chart().orElseThrow()).hasPeers());
        String html = new FactSheetPage(StandaloneTemplates.engine()).page(content, java.time.Instant.parse("2026-11-25T10:00:00Z"));
        byte[] pdf = FactSheetPdf.render(html, "http://127.0.0.1/factsheet/BE", "Belgium");
        java.nio.file.Files.createDirectories(FactSheetDocumentTest.ARTIFACTS);
        java.nio.file.Files.write(FactSheetDocumentTest.ARTIFACTS.resolve("unit-BE-benchmarks.pdf"), pdf);
        assertEquals(9, PdfFigures.read(pdf).drawings(), "one vector drawing per figure, the tall ones too");
    }

    @Test
    void provisionalYearsKeepTheirMarksBesideTheBenchmarks() throws Exception {
        ChartSpec.ShareAndRank shares = (ChartSpec.ShareAndRank) figure(WITH_BENCHMARKS, 1).chart().orElseThrow();
        ChartSpec.ShareAndRank provisionalShares = new ChartSpec.ShareAndRank(shares.fieldHeader(), shares.codes(),
                shares.countryShares(), shares.worldShares(), shares.ranks(), shares.eu27Shares(), new TreeSet<>(List.of(2020)));
        List<String> shareTexts = SvgShapes.of(FigureRenderer.svg(provisionalShares, "p-")).texts();
        assertTrue(shareTexts.contains("Country share (%), 2020 provisional"));
        assertTrue(shareTexts.contains(ChartSpec.EU27_LEGEND));

        ChartSpec.Trends trends = (ChartSpec.Trends) figure(WITH_BENCHMARKS, 5).chart().orElseThrow();
        ChartSpec.Trends provisionalTrends = new ChartSpec.Trends(trends.fieldHeader(), trends.axisLabel(), trends.codes(),
                trends.series(), new TreeSet<>(List.of(2020)), trends.peerSeries(), trends.countryName());
        String svg = FigureRenderer.svg(provisionalTrends, "p-");
        assertTrue(SvgShapes.of(svg).texts().contains("Dashed: provisional (2020)"));
        assertTrue(svg.contains("stroke-dasharray"), "segments into 2020 are dashed");
        assertTrue(SvgShapes.of(svg).texts().contains("United States"));
    }
}
