package eu.emistreams.indicator.calculation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A rational number kept exact, always in lowest terms with a positive denominator. Fractional
 * patent counts (1/3 + 1/7 + ...) are summed, retracted and re-added in any order; only exact
 * arithmetic guarantees that the order leaves no trace in the result.
 */
public record ExactFraction(BigInteger numerator, BigInteger denominator) implements Comparable<ExactFraction> {

    /** The number of decimals at which the contract compares indicator values. */
    public static final int COMPARISON_SCALE = 9;

    public static final ExactFraction ZERO = new ExactFraction(BigInteger.ZERO, BigInteger.ONE);
    public static final ExactFraction ONE = new ExactFraction(BigInteger.ONE, BigInteger.ONE);

    /** Enough digits that the conversion to double is correctly rounded in all but ties. */
    private static final MathContext DOUBLE_CONVERSION = new MathContext(25, RoundingMode.HALF_EVEN);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    public ExactFraction {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static ExactFraction of(long numerator, long denominator) {
        return new ExactFraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static ExactFraction of(long integer) {
        return of(integer, 1);
    }

    /** The exact value of a decimal (a sum of doubles' exact values is one). */
    public static ExactFraction of(BigDecimal decimal) {
        if (decimal.scale() <= 0) {
            return new ExactFraction(decimal.toBigIntegerExact(), BigInteger.ONE);
        }
        return new ExactFraction(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
    }

    public ExactFraction plus(ExactFraction other) {
        if (denominator.equals(other.denominator)) {
            return new ExactFraction(numerator.add(other.numerator), denominator);
        }
        return new ExactFraction(
                numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public ExactFraction negate() {
        return new ExactFraction(numerator.negate(), denominator);
    }

    public ExactFraction minus(ExactFraction other) {
        return plus(other.negate());
    }

    public ExactFraction times(ExactFraction other) {
        return new ExactFraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public ExactFraction dividedBy(ExactFraction other) {
        return new ExactFraction(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    /** {@code 100 · this / whole}, or 0 where {@code whole} is 0 (the contract's rule for shares). */
    public ExactFraction percentOf(ExactFraction whole) {
        if (whole.isZero()) {
            return ZERO;
        }
        return new ExactFraction(numerator.multiply(HUNDRED), denominator).dividedBy(whole);
    }

    public int signum() {
        return numerator.signum();
    }

    public boolean isZero() {
        return numerator.signum() == 0;
    }

    /** The value rounded half-up to {@link #COMPARISON_SCALE} decimals, exactly (no double on the way). */
    public BigDecimal rounded() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), COMPARISON_SCALE, RoundingMode.HALF_UP);
    }

    public double toDouble() {
        if (isTerminatingDecimal()) {
            // Exact decimal, then one correct rounding: a sum of many doubles (the EU27's) would
            // otherwise be rounded twice, to 25 digits and then to a double, and can miss by an ulp.
            return new BigDecimal(numerator).divide(new BigDecimal(denominator)).doubleValue();
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), DOUBLE_CONVERSION).doubleValue();
    }

    /** Whether the denominator has no prime factor but 2 and 5, so that the value is a finite decimal. */
    private boolean isTerminatingDecimal() {
        BigInteger rest = denominator.shiftRight(denominator.getLowestSetBit());
        BigInteger five = BigInteger.valueOf(5);
        while (rest.compareTo(BigInteger.ONE) > 0) {
            BigInteger[] divided = rest.divideAndRemainder(five);
            if (divided[1].signum() != 0) {
                return false;
            }
            rest = divided[0];
        }
        return true;
    }

    @Override
    public int compareTo(ExactFraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
