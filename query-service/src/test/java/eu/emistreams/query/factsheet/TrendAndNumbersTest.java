package eu.emistreams.query.factsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrendAndNumbersTest {

    @Test
    void percentagesKeepTheDigitsThatMatter() {
        assertEquals("30.0", Numbers.percent(30.0));
        assertEquals("12.3", Numbers.percent(12.345));
        assertEquals("1.23", Numbers.percent(1.2345));
        assertEquals("0.0123", Numbers.percent(0.012345));
        assertEquals("-40.0", Numbers.percent(-40.0));
        assertEquals("0.50", Numbers.percent(0.5));
        assertEquals("0", Numbers.percent(0.0));
        assertEquals("0", Numbers.percent(Double.NaN));
    }

    @Test
    void ordinalsAndNames() {
        assertEquals("1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 27th", String.join(" ",
                Numbers.ordinal(1), Numbers.ordinal(2), Numbers.ordinal(3), Numbers.ordinal(4), Numbers.ordinal(11),
                Numbers.ordinal(12), Numbers.ordinal(13), Numbers.ordinal(21), Numbers.ordinal(22), Numbers.ordinal(27)));
        assertEquals("A, B and C", Numbers.joinNames(java.util.List.of("A", "B", "C")));
        assertEquals("USD 1234.6 million", Numbers.usdMillionsText(1_234_567_890));
    }

    @Test
    void aChangeOfTenPercentOfTheFirstValueIsATrend() {
        assertEquals(Trend.Direction.RISING, Trend.direction(1.0, 1.1));
        assertEquals(Trend.Direction.STABLE, Trend.direction(1.0, 1.09));
        assertEquals(Trend.Direction.FALLING, Trend.direction(1.0, 0.9));
        assertEquals(Trend.Direction.STABLE, Trend.direction(1.0, 0.91));
        // Growth from a displayed zero is a rise; equal displayed values are stable.
        assertEquals(Trend.Direction.RISING, Trend.direction(0.0, 0.5));
        assertEquals(Trend.Direction.STABLE, Trend.direction(1.001, 1.004));
    }

    @Test
    void aTrendNeedsTwoYears() {
        TreeMap<Integer, Double> one = new TreeMap<>();
        one.put(2020, 1.0);
        assertTrue(Trend.of("AGRI", one).isEmpty());
        one.put(2010, 2.0);
        Trend trend = Trend.of("AGRI", one).orElseThrow();
        assertEquals(2010, trend.firstYear());
        assertEquals(Trend.Direction.FALLING, trend.direction());
        assertEquals(-0.5, trend.relativeChange(), 1e-12);
    }
}
