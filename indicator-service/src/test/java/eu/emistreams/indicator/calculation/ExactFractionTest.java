package eu.emistreams.indicator.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactFractionTest {

    @Test
    void aFiniteDecimalBecomesTheNearestDouble() {
        // The exact sum of many doubles has more digits than an intermediate rounding would keep.
        BigDecimal sum = BigDecimal.ZERO;
        Random random = new Random(15);
        for (int i = 0; i < 200; i++) {
            sum = sum.add(new BigDecimal(random.nextDouble() * 1e6));
            assertEquals(sum.doubleValue(), ExactFraction.of(sum).toDouble());
        }
    }

    @Test
    void keepsLowestTermsWithPositiveDenominator() {
        ExactFraction f = ExactFraction.of(4, -6);
        assertEquals(BigInteger.valueOf(-2), f.numerator());
        assertEquals(BigInteger.valueOf(3), f.denominator());
        assertEquals(ExactFraction.ZERO, ExactFraction.of(0, 7));
        assertThrows(ArithmeticException.class, () -> ExactFraction.of(1, 0));
    }

    @Test
    void addsAndRetractsWeightsWithoutResidueInAnyOrder() {
        List<ExactFraction> weights = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            for (int k = 1; k <= n; k++) {
                weights.add(ExactFraction.of(k, n));
            }
        }
        ExactFraction expected = ExactFraction.ZERO;
        for (ExactFraction w : weights) {
            expected = expected.plus(w);
        }
        Collections.shuffle(weights, new Random(7));
        ExactFraction sum = ExactFraction.ZERO;
        for (ExactFraction w : weights) {
            sum = sum.plus(w);
        }
        assertEquals(expected, sum);
        Collections.shuffle(weights, new Random(11));
        for (ExactFraction w : weights) {
            sum = sum.minus(w);
        }
        assertTrue(sum.isZero(), "retracting every weight leaves exactly 0, got " + sum);
    }

    @Test
    void roundsHalfUpAtNineDecimalsExactly() {
        assertEquals(new BigDecimal("0.333333333"), ExactFraction.of(1, 3).rounded());
        assertEquals(new BigDecimal("0.666666667"), ExactFraction.of(2, 3).rounded());
        // 5 * 10^-10 lies exactly on the boundary: half-up goes away from zero.
        assertEquals(new BigDecimal("0.000000001"), ExactFraction.of(5, 10_000_000_000L).rounded());
        assertEquals(new BigDecimal("0.000000000"), ExactFraction.of(4_999_999, 10_000_000_000_000_000L).rounded());
        assertEquals(new BigDecimal("-0.000000001"), ExactFraction.of(-5, 10_000_000_000L).rounded());
    }

    @Test
    void percentOfZeroWholeIsZero() {
        assertEquals(ExactFraction.ZERO, ExactFraction.of(3).percentOf(ExactFraction.ZERO));
        assertEquals(ExactFraction.of(100, 3), ExactFraction.of(2, 3).percentOf(ExactFraction.of(2)));
    }

    @Test
    void convertsToTheNearestDouble() {
        assertEquals(1.0 / 3, ExactFraction.of(1, 3).toDouble());
        assertEquals(100.0 / 3, ExactFraction.of(100, 3).toDouble());
        assertEquals(0.1, ExactFraction.of(1, 10).toDouble());
    }

    @Test
    void comparesByValue() {
        assertTrue(ExactFraction.of(1, 3).compareTo(ExactFraction.of(333_333_333, 1_000_000_000)) > 0);
        assertEquals(0, ExactFraction.of(2, 4).compareTo(ExactFraction.of(1, 2)));
    }
}
