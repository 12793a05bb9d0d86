package eu.emistreams.bench.report;

import eu.emistreams.bench.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The scaling series as an SVG line chart: backfill, batch and release seconds against the number
 * of applications, the latest run of each size. Plain SVG, so the docs show it without any tool.
 */
public final class ScalingPlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 440;
    private static final int LEFT = 80;
    private static final int RIGHT = 220;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private record Series(String label, String colour, Function<BenchResult, Double> value) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("backfill (pipeline)", "#1f77b4", BenchResult::backfillSeconds),
            new Series("batch (DuckDB)", "#ff7f0e", BenchResult::batchSeconds),
            new Series("release (next snapshot)", "#2ca02c", BenchResult::releaseSeconds));

    private ScalingPlot() {
    }

    /** Writes the chart; returns false, writing nothing, when no result has a time to plot. */
    public static boolean write(List<BenchResult> results, Path svg) {
        String chart = render(results);
        if (chart == null) {
            return false;
        }
        try {
            Files.createDirectories(svg.toAbsolutePath().getParent());
            Files.writeString(svg, chart, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new BenchException("cannot write " + svg + ": " + e.getMessage(), e);
        }
    }

    static String render(List<BenchResult> results) {
        Map<Integer, BenchResult> latestBySize = new TreeMap<>();
        results.forEach(result -> latestBySize.put(result.applications(), result));
        double maxApplications = 0;
        double maxSeconds = 0;
        for (BenchResult result : latestBySize.values()) {
            for (Series series : SERIES) {
                Double seconds = series.value().apply(result);
                if (seconds != null) {
                    maxApplications = Math.max(maxApplications, result.applications());
                    maxSeconds = Math.max(maxSeconds, seconds);
                }
            }
        }
        if (maxApplications == 0) {
            return null;
        }
        double xStep = niceStep(maxApplications);
        double yStep = niceStep(Math.max(maxSeconds, 1));
        double xMax = Math.ceil(maxApplications / xStep) * xStep;
        double yMax = Math.ceil(Math.max(maxSeconds, 1) / yStep) * yStep;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        Function<Double, Double> x = a -> LEFT + a / xMax * plotWidth;
        Function<Double, Double> y = s -> TOP + plotHeight - s / yMax * plotHeight;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">EMI Streams benchmark:"
                + " time to settled indicators by release size</text>%n", LEFT));
        for (double tick = 0; tick <= yMax + yStep / 2; tick += yStep) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y.apply(tick), LEFT + plotWidth, y.apply(tick)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 8, y.apply(tick) + 4, secondsLabel(tick)));
        }
        for (double tick = 0; tick <= xMax + xStep / 2; tick += xStep) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>%n",
                    x.apply(tick), TOP + (int) plotHeight, x.apply(tick), TOP + plotHeight + 5));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x.apply(tick), TOP + plotHeight + 20, label(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>%n",
                LEFT, TOP, LEFT, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n",
                LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">transnational"
                + " applications in the release</text>%n", LEFT + plotWidth / 2, HEIGHT - 15));
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 18 %.1f)\">seconds</text>%n", TOP + plotHeight / 2, TOP + plotHeight / 2));

        int legendY = TOP + 10;
        for (Series series : SERIES) {
            List<String> points = new ArrayList<>();
            for (BenchResult result : latestBySize.values()) {
                Double seconds = series.value().apply(result);
                if (seconds != null) {
                    double px = x.apply((double) result.applications());
                    double py = y.apply(seconds);
                    points.add(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\">"
                            + "<title>%s: %,d applications, %.1f s</title></circle>%n", px, py, series.colour(),
                            series.label(), result.applications(), seconds));
                }
            }
            if (points.size() > 1) {
                svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                        + " points=\"%s\"/>%n", series.colour(), String.join(" ", points)));
            }
            double legendX = LEFT + plotWidth + 20;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"3\"/>%n", legendX, legendY, legendX + 24, legendY, series.colour()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", legendX + 30, legendY + 4,
                    series.label()));
            legendY += 22;
        }
        return svg.append("</svg>\n").toString();
    }

    /** 1, 2 or 5 times a power of ten, giving four to ten ticks up to {@code max}. */
    static double niceStep(double max) {
        double rough = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double multiple : new double[] {1, 2, 5}) {
            if (multiple * power >= rough) {
                return multiple * power;
            }
        }
        return 10 * power;
    }

    private static String secondsLabel(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String label(double value) {
        if (value >= 1_000_000 && value % 1_000_000 == 0) {
            return String.format(Locale.ROOT, "%dM", (long) (value / 1_000_000));
        }
        if (value >= 1_000 && value % 1_000 == 0) {
            return String.format(Locale.ROOT, "%dk", (long) (value / 1_000));
        }
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
