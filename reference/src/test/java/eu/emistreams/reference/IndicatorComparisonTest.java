package eu.emistreams.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IndicatorComparisonTest {

    private static final IndicatorId BE = new IndicatorId("patent.count", "BE", "ELEC", 2020);
    private static final IndicatorId DE = new IndicatorId("patent.count", "DE", "ELEC", 2020);
    private static final IndicatorId FR = new IndicatorId("patent.count", "FR", "ELEC", 2020);

    @Test
    void acceptsValuesWithinOnePartInABillion() {
        SortedMap<IndicatorId, Fraction> expected = new TreeMap<>(Map.of(BE, Fraction.of(1, 3), DE, Fraction.ZERO));
        Map<IndicatorId, Double> actual = new HashMap<>(Map.of(BE, 1.0 / 3 * (1 + 5e-10), DE, 4e-10));
        assertTrue(IndicatorComparison.compare(expected, actual).matches());
    }

    @Test
    void reportsMissingExtraAndDifferentValues() {
        SortedMap<IndicatorId, Fraction> expected = new TreeMap<>(Map.of(BE, Fraction.of(1, 3), DE, Fraction.ONE));
        Map<IndicatorId, Double> actual = new HashMap<>(Map.of(BE, 0.3334, FR, 0.0));
        IndicatorComparison comparison = IndicatorComparison.compare(expected, actual);
        assertFalse(comparison.matches());
        assertEquals(List.of(DE), comparison.missing());
        assertEquals(List.of(FR), comparison.extra());
        assertEquals(1, comparison.differentCount());
        assertTrue(comparison.report().contains("patent.count/BE/ELEC/2020 expected 1/3"), comparison.report());
        assertTrue(comparison.report().contains("patent.count: missing 1, extra 1, different 1"), comparison.report());
    }

    @Test
    void refusesNotANumber() {
        assertFalse(IndicatorComparison.close(0.0, Double.NaN));
        assertFalse(IndicatorComparison.close(1.0, 1.0 + 1e-6));
        assertTrue(IndicatorComparison.close(1e6, 1e6 + 1e-4));
    }
}
