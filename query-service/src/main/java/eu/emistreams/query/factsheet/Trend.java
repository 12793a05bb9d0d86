package eu.emistreams.query.factsheet;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The change of one series between its first and its last year, as the fact sheet words it: rising
 * or falling when the displayed values differ by at least {@value #THRESHOLD_PERCENT}% of the first,
 * stable otherwise ("broadly stable" in the reference's words).
 */
public record Trend(String code, int firstYear, double first, int lastYear, double last, Direction direction) {

    public static final int THRESHOLD_PERCENT = 10;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Direction {
        RISING, FALLING, STABLE
    }

    /** The trend of a series of at least two years; empty for a shorter one. */
    public static Optional<Trend> of(String code, SortedMap<Integer, Double> series) {
        if (series.size() < 2) {
            return Optional.empty();
        }
        int firstYear = series.firstKey();
        int lastYear = series.lastKey();
        double first = series.get(firstYear);
        double last = series.get(lastYear);
        return Optional.of(new Trend(code, firstYear, first, lastYear, last, direction(first, last)));
    }

    /**
     * The direction from {@code before} to {@code after}, on displayed values: from a displayed 0,
     * any displayed growth is a rise.
     */
    public static Direction direction(double before, double after) {
        // Exact decimals: 1 to 0.9 is a fall of exactly 10%, which binary doubles would miss.
        BigDecimal from = Numbers.displayedDecimal(before);
        BigDecimal to = Numbers.displayedDecimal(after);
        if (from.signum() == 0) {
            int sign = to.signum();
            return sign > 0 ? Direction.RISING : sign < 0 ? Direction.FALLING : Direction.STABLE;
        }
        BigDecimal changePercent = to.subtract(from).multiply(HUNDRED);
        BigDecimal threshold = from.abs().multiply(BigDecimal.valueOf(THRESHOLD_PERCENT));
        if (changePercent.compareTo(threshold) >= 0) {
            return Direction.RISING;
        }
        if (changePercent.compareTo(threshold.negate()) <= 0) {
            return Direction.FALLING;
        }
        return Direction.STABLE;
    }

    /** The change relative to the first value (infinite from a displayed 0), to find the largest one. */
    public double relativeChange() {
        double from = Numbers.displayed(first);
        double to = Numbers.displayed(last);
        if (from == 0) {
            return to == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, to);
        }
        return (to - from) / Math.abs(from);
    }
}
