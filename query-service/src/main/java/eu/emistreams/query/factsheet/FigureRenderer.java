package eu.emistreams.query.factsheet;

import eu.emistreams.events.codes.EmiCodes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Draws a {@link ChartSpec} with JFreeChart into SVG (Batik's SVGGraphics2D), the same markup for
 * the HTML page and, through openhtmltopdf's Batik support, the PDF. Every id in the SVG carries the
 * figure's prefix: nine charts share one page, and a clip path id used twice would clip the wrong chart.
 */
public final class FigureRenderer {

    /** The European Union's blue and yellow. */
    public static final Color EU_BLUE = new Color(0x00, 0x33, 0x99);
    public static final Color EU_YELLOW = new Color(0xFF, 0xCC, 0x00);
    private static final Color DEFICIT = new Color(0xC0, 0x39, 0x2B);
    private static final Color TEXT = new Color(0x20, 0x20, 0x20);
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    /** Bars of a provisional year: the EU blue, lighter. */
    static final Color PROVISIONAL_BLUE = new Color(0x99, 0xAD, 0xD6);
    /** Provisional line segments and bar outlines. */
    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    /** The EU27 reference tick on a bar: near black with a white outline, seen on the blue bar and beside it. */
    static final Color EU27_TICK = new Color(0x11, 0x11, 0x11);
    private static final Shape EU27_TICK_SHAPE = new Rectangle2D.Double(-1.5, -8, 3, 16);

    /** The peers' lines, one colour each from the Okabe-Ito set; the country's line keeps the EU blue. */
    static final Map<String, Color> PEER_COLOURS = Map.of("US", new Color(0xE6, 0x9F, 0x00), "CN", new Color(0xCC, 0x79, 0xA7),
            "JP", new Color(0x00, 0x9E, 0x73), "KR", new Color(0x56, 0xB4, 0xE9));

    /** One panel of a trend chart with peer lines: room for the lines and the panel's title. */
    static final int PEER_PANEL_HEIGHT = 96;

    /** Lines that stay apart for colour-blind readers (Okabe-Ito), led by the EU blue. */
    private static final List<Color> SERIES = List.of(EU_BLUE, new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
            new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xD5, 0x5E, 0x00), new Color(0x55, 0x55, 0x55));

    /** A4 less 15 mm margins is 180 mm, 680 CSS pixels: the PDF shows the charts at their own size. */
    public static final int WIDTH = 680;

    private static final String FONT = Font.SANS_SERIF;

    static {
        // Charts are drawn on a server without a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private FigureRenderer() {
    }

    /** The chart as an {@code <svg>} element with a {@code viewBox}, ids prefixed by {@code idPrefix}. */
    public static String svg(ChartSpec spec, String idPrefix) {
        JFreeChart chart;
        if (spec instanceof ChartSpec.ShareAndRank shareAndRank) {
            chart = shareAndRankChart(shareAndRank);
        } else if (spec instanceof ChartSpec.Bars bars) {
            chart = barChart(bars);
        } else {
            chart = trendChart((ChartSpec.Trends) spec);
        }
        return toSvg(chart, WIDTH, height(spec), idPrefix);
    }

    static int height(ChartSpec spec) {
        if (spec instanceof ChartSpec.ShareAndRank shareAndRank) {
            return 110 + 26 * shareAndRank.codes().size();
        }
        if (spec instanceof ChartSpec.Bars bars) {
            return 80 + 24 * bars.keys().size();
        }
        if (spec instanceof ChartSpec.Trends trends && trends.hasPeers()) {
            return 100 + PEER_PANEL_HEIGHT * trends.codes().size();
        }
        return 360;
    }

    /**
     * Two panels on one category axis: the country share as bars, and beside them the EU27 rank as
     * labelled markers on an axis from 27 to 1, so a rank never hides behind a bar; on each bar, a
     * tick at the EU27's country share where it has one, drawn after the bars so that it stays visible.
     */
    private static JFreeChart shareAndRankChart(ChartSpec.ShareAndRank spec) {
        DefaultCategoryDataset shares = new DefaultCategoryDataset();
        DefaultCategoryDataset ranks = new DefaultCategoryDataset();
        for (String code : spec.codes()) {
            String label = CodeLabels.label(code);
            shares.addValue(spec.countryShares().get(code), "Country share (%)", label);
            ranks.addValue(spec.ranks().get(code), "EU27 rank by world share", label);
        }
        BarRenderer bars = new BarRenderer();
        CategoryPlot sharePlot = new CategoryPlot(shares, null, new NumberAxis("Country share (%)"), bars);
        LineAndShapeRenderer eu27Ticks = new LineAndShapeRenderer(false, true);
        if (spec.hasEu27()) {
            DefaultCategoryDataset eu27 = new DefaultCategoryDataset();
            // Every category, in the bars' order, so a tick sits on its own bar; a code without a value draws nothing.
            for (String code : spec.codes()) {
                eu27.addValue(spec.eu27Shares().get(code), ChartSpec.EU27_LEGEND, CodeLabels.label(code));
            }
            sharePlot.setDataset(1, eu27);
            sharePlot.setRenderer(1, eu27Ticks);
            sharePlot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }

        NumberAxis rankAxis = new NumberAxis("EU27 rank by world share");
        // Rank 1 at the right, so that further right means better in both panels; room for labels.
        rankAxis.setRange(0, 28.5);
        rankAxis.setInverted(true);
        rankAxis.setTickUnit(new NumberTickUnit(1, new RankTickFormat()));
        rankAxis.setTickMarksVisible(false);
        LineAndShapeRenderer markers = new LineAndShapeRenderer(false, true);
        CategoryPlot rankPlot = new CategoryPlot(ranks, null, rankAxis, markers);

        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(categoryAxis());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(14);
        plot.add(sharePlot, 5);
        plot.add(rankPlot, 4);

        JFreeChart chart = chart(plot);
        styleBars(bars);
        if (spec.provisional()) {
            // A provisional year: lighter bars with a dashed outline, and a legend entry naming the year.
            bars.setSeriesPaint(0, PROVISIONAL_BLUE);
            bars.setDrawBarOutline(true);
            bars.setSeriesOutlinePaint(0, EU_BLUE);
            bars.setSeriesOutlineStroke(0, DASHED);
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(new LegendItem("Country share (%), " + spec.provisionalYears().first() + " provisional",
                    PROVISIONAL_BLUE));
            if (spec.hasEu27()) {
                legend.add(eu27Ticks.getLegendItem(1, 0));
            }
            sharePlot.setFixedLegendItems(legend);
        }
        styleEu27Ticks(eu27Ticks);
        for (CategoryPlot panel : List.of(sharePlot, rankPlot)) {
            panel.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
            panel.setRangeGridlinePaint(GRID);
            panel.setOutlineVisible(false);
        }
        rankPlot.setRangeGridlinesVisible(false);
        markers.setSeriesShape(0, ShapeUtils.createDiamond(6f));
        markers.setUseFillPaint(true);
        markers.setSeriesFillPaint(0, EU_YELLOW);
        markers.setUseOutlinePaint(true);
        markers.setSeriesOutlinePaint(0, TEXT);
        markers.setSeriesPaint(0, EU_YELLOW);
        markers.setDrawOutlines(true);
        markers.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0")));
        markers.setDefaultItemLabelsVisible(true);
        markers.setDefaultItemLabelFont(new Font(FONT, Font.BOLD, 10));
        markers.setDefaultItemLabelPaint(TEXT);
        markers.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        markers.setItemLabelAnchorOffset(7);
        return chart;
    }

    private static JFreeChart barChart(ChartSpec.Bars spec) {
        DefaultCategoryDataset values = new DefaultCategoryDataset();
        for (String key : spec.keys()) {
            values.addValue(spec.plotted(key), spec.valueHeader(), spec.label(key));
        }
        BarRenderer renderer = spec.signed() ? new SignedBarRenderer() : new BarRenderer();
        CategoryPlot plot = new CategoryPlot(values, categoryAxis(), new NumberAxis(spec.axisLabel()), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = chart(plot);
        styleBars(renderer);
        if (spec.signed()) {
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(new LegendItem("Surplus (exports above imports)", EU_BLUE));
            legend.add(new LegendItem("Deficit", DEFICIT));
            plot.setFixedLegendItems(legend);
        }
        return chart;
    }

    /** The EU27's ticks: styled after the theme, which resets series paints. */
    private static void styleEu27Ticks(LineAndShapeRenderer ticks) {
        ticks.setSeriesShape(0, EU27_TICK_SHAPE);
        ticks.setSeriesPaint(0, EU27_TICK);
        ticks.setUseOutlinePaint(true);
        ticks.setSeriesOutlinePaint(0, Color.WHITE);
        ticks.setSeriesOutlineStroke(0, new BasicStroke(0.75f));
        ticks.setDrawOutlines(true);
    }

    private static JFreeChart trendChart(ChartSpec.Trends spec) {
        if (spec.hasPeers()) {
            return peerTrendChart(spec);
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        for (String code : spec.codes()) {
            XYSeries series = new XYSeries(CodeLabels.label(code));
            spec.series().get(code).forEach(series::add);
            lines.addSeries(series);
        }
        NumberAxis years = new NumberAxis("Year");
        years.setAutoRangeIncludesZero(false);
        years.setStandardTickUnits(yearTickUnits());
        NumberAxis shares = new NumberAxis(spec.axisLabel());
        XYLineAndShapeRenderer renderer = spec.provisionalYears().isEmpty() ? new XYLineAndShapeRenderer(true, true)
                : new ProvisionalLineRenderer(lines, spec.provisionalYears());
        XYPlot plot = new XYPlot(lines, years, shares, renderer);
        JFreeChart chart = chart(plot);
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int i = 0; i < spec.codes().size(); i++) {
            renderer.setSeriesPaint(i, SERIES.get(i % SERIES.size()));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesShape(i, shapes[i % shapes.length]);
        }
        if (!spec.provisionalYears().isEmpty()) {
            LegendItemCollection legend = new LegendItemCollection();
            legend.addAll(renderer.getLegendItems());
            legend.add(provisionalLegendItem(spec));
            plot.setFixedLegendItems(legend);
        }
        return chart;
    }

    /**
     * One panel per code on a shared year axis: the country's line in the EU blue beside the line of
     * each peer with a value for the code, in the peer's colour; a peer's missing year is a gap. One
     * legend names the economies; each panel's title names its technology, its axis is its own.
     */
    private static JFreeChart peerTrendChart(ChartSpec.Trends spec) {
        NumberAxis years = new NumberAxis("Year");
        years.setAutoRangeIncludesZero(false);
        years.setStandardTickUnits(yearTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(years);
        plot.setGap(8);
        List<XYLineAndShapeRenderer> renderers = new java.util.ArrayList<>();
        List<List<String>> economies = new java.util.ArrayList<>();
        for (String code : spec.codes()) {
            XYSeriesCollection lines = new XYSeriesCollection();
            XYSeries own = new XYSeries(spec.countryName());
            spec.series().get(code).forEach(own::add);
            lines.addSeries(own);
            List<String> panelEconomies = new java.util.ArrayList<>();
            panelEconomies.add("");
            for (String peer : spec.peersOf(code)) {
                XYSeries line = new XYSeries(CodeLabels.countryName(peer), true, false);
                java.util.SortedMap<Integer, Double> values = spec.peerLine(peer, code);
                for (int year = values.firstKey(); year <= values.lastKey(); year++) {
                    // null: a gap in the line, not a zero.
                    line.add(year, values.get(year));
                }
                lines.addSeries(line);
                panelEconomies.add(peer);
            }
            NumberAxis shares = new NumberAxis(null);
            shares.setTickLabelFont(new Font(FONT, Font.PLAIN, 9));
            // Room above the lines for the panel's title.
            shares.setUpperMargin(0.45);
            XYLineAndShapeRenderer renderer = spec.provisionalYears().isEmpty() ? new XYLineAndShapeRenderer(true, true)
                    : new ProvisionalLineRenderer(lines, spec.provisionalYears());
            XYPlot panel = new XYPlot(lines, null, shares, renderer);
            TextTitle title = new TextTitle(CodeLabels.label(code), new Font(FONT, Font.BOLD, 10));
            title.setPaint(TEXT);
            panel.addAnnotation(new XYTitleAnnotation(0.01, 0.99, title, RectangleAnchor.TOP_LEFT));
            plot.add(panel, 1);
            renderers.add(renderer);
            economies.add(panelEconomies);
        }
        JFreeChart chart = chart(plot);
        TextTitle axisTitle = new TextTitle(spec.axisLabel(), new Font(FONT, Font.PLAIN, 11));
        axisTitle.setPaint(TEXT);
        axisTitle.setPosition(RectangleEdge.TOP);
        axisTitle.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        chart.addSubtitle(axisTitle);
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int p = 0; p < renderers.size(); p++) {
            XYLineAndShapeRenderer renderer = renderers.get(p);
            List<String> panelEconomies = economies.get(p);
            for (int i = 0; i < panelEconomies.size(); i++) {
                stylePeerLine(renderer, i, panelEconomies.get(i), shapes);
            }
            XYPlot panel = (XYPlot) plot.getSubplots().get(p);
            panel.setRangeGridlinePaint(GRID);
            panel.setDomainGridlinePaint(GRID);
            panel.setOutlineVisible(false);
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(economyLegendItem(spec.countryName(), "", shapes));
        for (String peer : spec.peers()) {
            legend.add(economyLegendItem(CodeLabels.countryName(peer), peer, shapes));
        }
        if (!spec.provisionalYears().isEmpty()) {
            legend.add(provisionalLegendItem(spec));
        }
        plot.setFixedLegendItems(legend);
        return chart;
    }

    /** The country's line ({@code economy} empty) thicker in the EU blue, a peer's thinner in its colour. */
    private static void stylePeerLine(XYLineAndShapeRenderer renderer, int series, String economy, Shape[] shapes) {
        renderer.setSeriesPaint(series, economyColour(economy));
        renderer.setSeriesStroke(series, new BasicStroke(economy.isEmpty() ? 2.5f : 1.5f));
        renderer.setSeriesShape(series, shapes[economyIndex(economy) % shapes.length]);
    }

    private static LegendItem economyLegendItem(String label, String economy, Shape[] shapes) {
        Color colour = economyColour(economy);
        return new LegendItem(label, null, null, null, true, shapes[economyIndex(economy) % shapes.length], true, colour,
                false, colour, new BasicStroke(1f), true, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                new BasicStroke(economy.isEmpty() ? 2.5f : 1.5f), colour);
    }

    private static Color economyColour(String economy) {
        return economy.isEmpty() ? EU_BLUE : PEER_COLOURS.get(economy);
    }

    /** 0 for the country, then the peers' places in {@link EmiCodes#PEERS}: each economy keeps its marker. */
    private static int economyIndex(String economy) {
        return economy.isEmpty() ? 0 : 1 + EmiCodes.PEERS.indexOf(economy);
    }

    private static LegendItem provisionalLegendItem(ChartSpec.Trends spec) {
        return new LegendItem("Dashed: provisional (" + Numbers.joinNames(
                spec.provisionalYears().stream().map(String::valueOf).toList()) + ")", null, null, null,
                new java.awt.geom.Line2D.Double(-7, 0, 7, 0), DASHED, TEXT);
    }

    /** The chart in the fact sheet's theme; renderers are styled after, since the theme resets series paints. */
    private static JFreeChart chart(org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 14), plot, true);
        theme().apply(chart);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (plot instanceof CategoryPlot categoryPlot) {
            categoryPlot.setRangeGridlinePaint(GRID);
            categoryPlot.setOutlineVisible(false);
        } else if (plot instanceof XYPlot xyPlot) {
            xyPlot.setRangeGridlinePaint(GRID);
            xyPlot.setDomainGridlinePaint(GRID);
            xyPlot.setOutlineVisible(false);
        }
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("EMI fact sheet");
        theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 14));
        theme.setLargeFont(new Font(FONT, Font.BOLD, 12));
        theme.setRegularFont(new Font(FONT, Font.PLAIN, 11));
        theme.setSmallFont(new Font(FONT, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setItemLabelPaint(TEXT);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    private static CategoryAxis categoryAxis() {
        CategoryAxis axis = new CategoryAxis(null);
        // Long names (Proximity, Social Economy & Civil Security) wrap onto a second line.
        axis.setMaximumCategoryLabelLines(2);
        axis.setMaximumCategoryLabelWidthRatio(0.42f);
        axis.setCategoryMargin(0.25);
        return axis;
    }

    private static void styleBars(BarRenderer renderer) {
        renderer.setSeriesPaint(0, EU_BLUE);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.08);
    }

    private static TickUnits yearTickUnits() {
        TickUnits units = new TickUnits();
        DecimalFormat plain = new DecimalFormat("0");
        for (int step : new int[] {1, 2, 5, 10, 20, 50}) {
            units.add(new NumberTickUnit(step, plain));
        }
        return units;
    }

    private static String toSvg(JFreeChart chart, int width, int height, String idPrefix) {
        Document document = GenericDOMImplementation.getDOMImplementation()
                .createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment(null);
        context.setEmbeddedFontsOn(false);
        context.setPrecision(3);
        context.setIDGenerator(new PrefixedIds(idPrefix));
        SVGGraphics2D graphics = new SVGGraphics2D(context, false);
        graphics.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        Element root = graphics.getRoot();
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        root.setAttribute("class", "chart-svg");
        root.setAttribute("aria-hidden", "true");
        // Batik names its shared definitions "genericDefs" in every chart; nothing refers to that id.
        org.w3c.dom.NodeList defs = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "defs");
        for (int i = 0; i < defs.getLength(); i++) {
            Element definitions = (Element) defs.item(i);
            if (definitions.hasAttribute("id")) {
                definitions.setAttribute("id", idPrefix + definitions.getAttribute("id"));
            }
        }
        StringWriter svg = new StringWriter();
        try {
            graphics.stream(root, svg, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            graphics.dispose();
        }
        String markup = svg.toString();
        int start = markup.indexOf("<svg");
        return start > 0 ? markup.substring(start) : markup;
    }

    /** Lines whose segments into a provisional year are dashed. */
    private static final class ProvisionalLineRenderer extends XYLineAndShapeRenderer {

        private final transient XYSeriesCollection lines;
        private final java.util.Set<Integer> provisionalYears;

        ProvisionalLineRenderer(XYSeriesCollection lines, java.util.Set<Integer> provisionalYears) {
            super(true, true);
            this.lines = lines;
            this.provisionalYears = java.util.Set.copyOf(provisionalYears);
            setDrawSeriesLineAsPath(false);
        }

        @Override
        public java.awt.Stroke getItemStroke(int series, int item) {
            int year = (int) Math.round(lines.getXValue(series, item));
            return provisionalYears.contains(year) ? DASHED : super.getItemStroke(series, item);
        }
    }

    /** Trade balance bars: the EU blue for a surplus, red for a deficit. */
    private static final class SignedBarRenderer extends BarRenderer {

        @Override
        public Paint getItemPaint(int row, int column) {
            Number value = getPlot().getDataset().getValue(row, column);
            return value != null && value.doubleValue() < 0 ? DEFICIT : EU_BLUE;
        }
    }

    /** Batik's ids, prefixed per figure. */
    private static final class PrefixedIds extends SVGIDGenerator {

        private final String prefix;

        PrefixedIds(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String generateID(String kind) {
            return prefix + super.generateID(kind);
        }
    }

    /** Labels the rank axis at 1, 5, 10, 15, 20 and 27; the other ticks stay unlabelled. */
    private static final class RankTickFormat extends NumberFormat {

        private static final Set<Long> LABELLED = Set.of(1L, 5L, 10L, 15L, 20L, 27L);

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return format(Math.round(number), toAppendTo, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return LABELLED.contains(number) ? toAppendTo.append(number) : toAppendTo;
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("rank labels are only written");
        }
    }
}
