package eu.emistreams.bench.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRank() {
        double[] hundred = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray();
        assertEquals(99, Percentiles.of(hundred, 99));
        assertEquals(50, Percentiles.of(hundred, 50));
        assertEquals(100, Percentiles.of(hundred, 100));
        double[] ten = IntStream.rangeClosed(1, 10).mapToDouble(i -> i).toArray();
        assertEquals(10, Percentiles.of(ten, 99), "with 10 samples p99 is the largest");
        assertEquals(7, Percentiles.of(new double[] {7}, 1));
    }

    @Test
    void refusesNoSamples() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new double[0], 99));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new double[] {1}, 0));
    }
}
