package eu.emistreams.query.factsheet;

import java.util.Optional;

/**
 * One numbered figure: its caption, what it draws (empty while its source has no data) and the
 * source line naming the releases its values come from.
 */
public record Figure(int number, String caption, DataSource source, Optional<ChartSpec> chart, String sourceLine) {

    public boolean hasChart() {
        return chart.isPresent() && !chart.get().isEmpty();
    }

    /** What stands in place of the chart when there is nothing to draw. */
    public String noDataMessage() {
        return source.noDataMessage();
    }

    /** "Figure 1: ..." */
    public String title() {
        return "Figure " + number + ": " + caption;
    }
}
