package eu.emistreams.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingPlotTest {

    @Test
    void drawsOneLinePerMeasureThroughTheLatestRunOfEachSize() {
        String svg = ScalingPlot.render(List.of(
                ResultFilesTest.result(100_000, 999, 30.0), // replaced by the later run of the same size
                ResultFilesTest.result(100_000, 90, 30.0),
                ResultFilesTest.result(300_000, 300, 80.0),
                ResultFilesTest.result(1_000_000, 1000, 250.0)));
        assertEquals(3, svg.split("<polyline").length - 1, "backfill, batch and release");
        assertEquals(9, svg.split("<circle").length - 1);
        assertTrue(svg.contains("backfill (pipeline): 100,000 applications, 90.0 s"));
        assertFalse(svg.contains("999.0 s"));
        assertTrue(svg.contains(">1M<"), "x axis in applications");
    }

    @Test
    void nothingToPlotWritesNothing(@TempDir Path directory) {
        assertNull(ScalingPlot.render(List.of()));
        assertFalse(ScalingPlot.write(List.of(), directory.resolve("plot.svg")));
    }

    @Test
    void ticksAreRoundNumbers() {
        assertEquals(200_000, ScalingPlot.niceStep(1_000_000));
        assertEquals(50, ScalingPlot.niceStep(240));
        assertEquals(1, ScalingPlot.niceStep(3));
    }
}
